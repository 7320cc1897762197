package io.kafmirror.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.AnomalySettings;
import io.kafmirror.engine.config.ClusterConfig;
import io.kafmirror.engine.config.FlushPolicy;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.LocalStoreConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.state.LagPercentiles;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.SeriesQuery;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery point of a quiet topic, as {@code kaf-mirror run} samples it into the state database and the evidence
 * pack reads it: a record after a long pause waits for its flush a few seconds, and the topic is that far behind, not
 * as far as the pause.
 */
class LagSecondsTest {

    private static final Duration LINGER = Duration.ofSeconds(3);
    /** Longer than the linger and the 5 s between the asks for the source's end offsets. */
    private static final Duration PAUSE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void aQuietTopicsRecordAfterAPauseIsSecondsBehindInTheMetricsAndTheRecoveryPoint() throws Exception {
        Instant start = Instant.now();
        broker.createTopic("lag.quiet", 1, Map.of());
        MirrorConfig config = new MirrorConfig(Map.of("prod", ClusterConfig.of(broker.bootstrap())),
                Map.of("local", new LocalStoreConfig(dir.resolve("store"))), null);
        try (StateDatabase state = StateDatabase.open(dir.resolve("data"), "test");
             BackupRunner runner = new BackupRunner(config, state, dir.resolve("data"), Clock.systemUTC());
             SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            state.jobs().add("quiet", new JobConfig("prod", "local", TopicSelection.parse("lag\\.quiet", ""),
                    new FlushPolicy(64L * 1024, LINGER), null, null, 2L << 20, null, null, null, null, AnomalySettings.DEFAULT));
            producer.send("lag.quiet", 0, "k", "first");
            producer.confirm();
            runner.reconcile();
            await(runner, () -> lag(state) == 0, "the first record stored");
            Instant paused = Instant.now();
            await(runner, () -> Duration.between(paused, Instant.now()).compareTo(PAUSE) > 0, "the pause");

            producer.send("lag.quiet", 0, "k", "after the pause");
            producer.confirm();
            await(runner, () -> lag(state) == 1, "the record waiting for its flush");
            await(runner, () -> lag(state) == 0, "the record stored");

            List<MetricSample> samples = state.metrics().series(SeriesQuery.of("quiet", start, Instant.now(),
                    (int) Duration.between(start, Instant.now()).toMillis())).stream().flatMap(s -> s.points().stream()).toList();
            assertThat(samples).as("the record after the pause seen waiting for its flush")
                    .anySatisfy(s -> {
                        assertThat(s.at()).isAfter(paused.plus(PAUSE));
                        assertThat(s.lagRecords()).isEqualTo(1);
                    })
                    .allSatisfy(s -> assertThat(s.lagSeconds()).as("at " + s.at()).isLessThan(PAUSE.toSeconds()));
            LagPercentiles rpo = state.metrics().lagPercentiles("quiet", start, Instant.now()).get(1);
            assertThat(rpo.topic()).isEqualTo("lag.quiet");
            assertThat(rpo.seconds().max()).isGreaterThan(0).isLessThan(PAUSE.toSeconds());
        }
    }

    private static long lag(StateDatabase state) {
        return state.metrics().latest("quiet").stream().mapToLong(MetricSample::lagRecords).max().orElse(-1);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Samples as {@code kaf-mirror run} does, faster, until {@code condition} holds. */
    private static void await(BackupRunner runner, Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        do {
            Thread.sleep(100);
            runner.sample();
            assertThat(System.nanoTime()).as("time waiting for " + what).isLessThan(deadline);
        } while (!condition.holds());
    }
}
