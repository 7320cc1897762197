package io.kafmirror.ui.dashboard;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.state.Lifecycle;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.MetricsSeries;
import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A state database as {@code kaf-mirror run} leaves it after an hour of the job {@code orders}, added four hours ago:
 * two partitions of {@code orders.eu} sampled every 30 s (partition 1 two seconds before partition 0, as an engine's
 * partitions drift), a gap half an hour ago, the run started five minutes ago, and an idle job {@code payments} never
 * sampled.
 */
final class SampledJob {

    static final String JOB = "orders";
    static final int SAMPLES = 120;
    static final Duration EVERY = Duration.ofSeconds(30);
    static final String GAP_MESSAGE = "Offsets 4000 to 4099 of orders.eu-1 were deleted by retention before they were stored;"
            + " the backup continues from offset 4100";

    private SampledJob() {
    }

    /** Writes it into {@code data}, the newest samples at {@code now}, through the engine's own API. */
    static void write(Path data, Instant now) {
        try (StateDatabase added = StateDatabase.open(data, "run", Clock.fixed(created(now), ZoneOffset.UTC),
                MetricsSeries.DEFAULT_RETENTION)) {
            JobConfig config = JobConfig.of("demo", "local", TopicSelection.parse("orders.*", ""));
            added.jobs().add(JOB, config);
            added.jobs().add("payments", config);
        }
        Clock runStarted = Clock.fixed(runStarted(now), ZoneOffset.UTC);
        try (StateDatabase run = StateDatabase.open(data, "run", runStarted, MetricsSeries.DEFAULT_RETENTION)) {
            List<MetricSample> samples = new ArrayList<>();
            // From the oldest (j = 1, 59.5 minutes ago) to the newest (j = SAMPLES, now).
            for (int j = 1; j <= SAMPLES; j++) {
                Instant at = now.minus(EVERY.multipliedBy(SAMPLES - j));
                samples.add(new MetricSample(JOB, "orders.eu", 0, at, 1000L * j + 100, 1000L * j, 100, 1.5, 10, 4096, 40L, null));
                samples.add(new MetricSample(JOB, "orders.eu", 1, at.minusSeconds(2), 500L * j + j, 500L * j, j, 2.0 + j / 10.0, 20,
                        8192, null, j == SAMPLES ? "NOT_LEADER_OR_FOLLOWER: retrying" : null));
            }
            // Older than the last hour: not on its chart.
            samples.add(new MetricSample(JOB, "orders.eu", 0, now.minus(Duration.ofHours(2)), 50, 0, 50_000, 99, 1, 1, null, null));
            run.metrics().insert(samples);
            run.history().append(JOB, new MirrorEvent(MirrorEvent.Type.GAP, gapAt(now), "orders.eu", 1, GAP_MESSAGE));
            run.history().append(JOB, new MirrorEvent(MirrorEvent.Type.TOPIC_RECREATED, now.minus(Duration.ofHours(3)), "orders.eu", -1,
                    "orders.eu came back with a new topic ID"));
            run.history().append(JOB, Lifecycle.RUN_STARTED, "mirroring started");
        }
    }

    /** When both jobs were added: before any of their samples and events. */
    static Instant created(Instant now) {
        return now.minus(Duration.ofHours(4));
    }

    /** When the gap was noticed. */
    static Instant gapAt(Instant now) {
        return now.minus(Duration.ofMinutes(30));
    }

    /** When the run started. */
    static Instant runStarted(Instant now) {
        return now.minus(Duration.ofMinutes(5));
    }
}
