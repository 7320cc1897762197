package io.kafmirror.engine.drill;

import io.kafmirror.engine.config.DrillMode;
import io.kafmirror.engine.config.DrillSchedule;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.mirror.MirrorListener;
import io.kafmirror.engine.run.OpenStores;
import io.kafmirror.engine.state.DrillRecord;
import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.StateDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drills of the jobs in the state database: one run now by hand ({@code kaf-mirror drills run}), or every scheduled
 * drill that is due ({@code kaf-mirror run}), each reading the job's store and restoring into its target cluster (the
 * job's source unless the drill names another).
 */
public final class JobDrills {

    private static final Logger LOG = LoggerFactory.getLogger(JobDrills.class);

    private final MirrorConfig config;
    private final StateDatabase state;
    private final OpenStores stores;
    private final Function<String, MirrorListener> events;
    private final Clock clock;

    /**
     * Drills of the jobs in {@code state}, with the clusters of {@code config} and the stores of {@code stores}; their
     * events go to {@code events} of the job (see {@link DrillRun}).
     */
    public JobDrills(MirrorConfig config, StateDatabase state, OpenStores stores, Function<String, MirrorListener> events,
                     Clock clock) {
        this.config = config;
        this.state = state;
        this.stores = stores;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Runs a drill of {@code job} now.
     *
     * @param topics the topics; empty for those of the job's first scheduled drill
     * @param mode   restore or verify; null for restore
     * @param target the cluster of the scratch topics; null for the job's source cluster
     */
    public DrillRecord runNow(String job, List<String> topics, DrillMode mode, String target) throws InterruptedException {
        // A job declared in the configuration file is in the state database once 'kaf-mirror run' took it over.
        JobConfig jobConfig = state.jobs().find(job).map(Job::config).orElseGet(() -> config.job(job));
        List<String> drilled = topics;
        if (drilled.isEmpty()) {
            if (jobConfig.drills().isEmpty()) {
                throw new IllegalArgumentException("Job " + job + " has no scheduled drill to take its topics from: name the"
                        + " topics to drill with --topics");
            }
            drilled = jobConfig.drills().get(0).topics();
        }
        return run(job, jobConfig, null, mode == null ? DrillMode.RESTORE : mode, drilled, target);
    }

    /** Runs every scheduled drill that is due now, one after another (see {@link DrillCalendar}); returns how each ended. */
    public List<DrillRecord> runDue() throws InterruptedException {
        List<DrillRecord> done = new ArrayList<>();
        for (Job job : state.jobs().list()) {
            for (DrillSchedule schedule : job.config().drills()) {
                String name = schedule.describe();
                if (new DrillCalendar(schedule).due(clock.instant(), state.drills().lastEnded(job.name(), name))) {
                    try {
                        done.add(run(job.name(), job.config(), name, schedule.mode(), schedule.topics(), schedule.target()));
                    } catch (RuntimeException e) {
                        // A drill that cannot even start (store or cluster gone from the configuration) must not stop the others.
                        LOG.error("Cannot run the drill '{}' of job {}: {}", name, job.name(), e.getMessage(), e);
                    }
                }
            }
        }
        return done;
    }

    private DrillRecord run(String job, JobConfig jobConfig, String schedule, DrillMode mode, List<String> topics,
                            String target) throws InterruptedException {
        String cluster = target == null ? jobConfig.source() : target;
        return new DrillRun(stores.archive(jobConfig.store()), state, events, clock).run(new DrillRequest(job, schedule, mode,
                jobConfig.source(), jobConfig.store(), topics, cluster, config.cluster(cluster).clientProperties()));
    }
}
