package io.kafmirror.engine.run;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.JobStore;
import java.util.Map;
import java.util.Optional;

/**
 * Brings the jobs written in the configuration file into the state database, where the console and
 * the CLI manage them: new ones are added (running), changed ones updated. Their desired state is
 * left as the operator set it, and jobs added with the CLI or console are not touched.
 */
public final class DeclaredJobs {

    private DeclaredJobs() {
    }

    /** Adds or updates the jobs {@code config} declares; returns how many changed. */
    public static int apply(MirrorConfig config, JobStore jobs) {
        int changed = 0;
        for (Map.Entry<String, JobConfig> declared : config.jobs().entrySet()) {
            Optional<Job> known = jobs.find(declared.getKey());
            if (known.isEmpty()) {
                jobs.add(declared.getKey(), declared.getValue());
                changed++;
            } else if (!known.get().config().equals(declared.getValue())) {
                jobs.update(declared.getKey(), declared.getValue());
                changed++;
            }
        }
        return changed;
    }
}
