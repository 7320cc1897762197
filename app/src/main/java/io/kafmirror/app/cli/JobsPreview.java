package io.kafmirror.app.cli;

import io.kafmirror.engine.cluster.ClusterProbe;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.state.StateDatabase;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror jobs preview NAME}: which of the source's topics the job's patterns select right now. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Show which topics of the source the job's patterns match right now, and which they leave out.")
public final class JobsPreview implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "NAME", description = "The job's name.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MirrorConfig loaded = config.load();
        JobConfig job;
        try (StateDatabase state = data.openState()) {
            job = state.jobs().find(name).map(j -> j.config()).orElseGet(() -> loaded.job(name));
        }
        List<String> topics = new ClusterProbe(loaded.cluster(job.source()).clientProperties(), Duration.ofSeconds(15))
                .probe().topics();
        SortedSet<String> selected = job.topics().selectFrom(topics);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Job %s (%s) selects %d of the %d topics of cluster %s%s%n", name, job.topics(), selected.size(),
                topics.size(), job.source(), selected.isEmpty() ? "." : ":");
        selected.forEach(t -> out.println("  + " + t));
        topics.stream().filter(t -> !selected.contains(t)).forEach(t -> out.println("  - " + t));
        return 0;
    }
}
