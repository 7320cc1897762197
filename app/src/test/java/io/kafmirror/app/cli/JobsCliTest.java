package io.kafmirror.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.anomaly.Detector;
import io.kafmirror.engine.anomaly.Sensitivity;
import io.kafmirror.engine.config.AnomalySettings;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.state.AuditEntry;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobs add|update|list|pause|resume|remove|preview|status} on a real state database and broker. */
class JobsCliTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();
    private String config;
    private String data;

    @BeforeEach
    void writeConfig() throws IOException {
        config = CliConfig.write(dir, broker.bootstrap()).toString();
        data = dir.resolve("data").toString();
    }

    @Test
    void aJobIsAddedListedPausedResumedAndRemoved() {
        CliRun added = jobs("add", "orders", "--source", "prod", "--store", "local", "--topics", "orders.*",
                "--exclude", "orders\\.tmp", "--retention", "governance:7d", "--config", config);
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Job orders added");

        assertThat(jobs("list").out()).containsPattern("orders\\s+running\\s+prod\\s+local\\s+orders\\.\\*");
        assertThat(jobs("pause", "orders").out()).contains("Job orders paused");
        assertThat(jobs("list").out()).containsPattern("orders\\s+paused");
        assertThat(jobs("resume", "orders").exitCode()).isZero();
        assertThat(jobs("list").out()).containsPattern("orders\\s+running");
        assertThat(jobs("remove", "orders").out()).contains("stored segments and history are kept");
        assertThat(jobs("list").out()).doesNotContain("orders");
    }

    @Test
    void mistakesAreRefusedWithWhatToDo() {
        assertThat(jobs("add", "x", "--source", "staging", "--store", "local", "--topics", "a.*", "--config", config))
                .satisfies(r -> assertThat(r.exitCode()).isEqualTo(KafMirror.FAILED))
                .extracting(CliRun::err).asString().contains("staging").contains("prod");
        assertThat(jobs("add", "x", "--source", "prod", "--store", "local", "--topics", "orders(", "--config", config))
                .extracting(CliRun::err).asString().contains("orders(");
        assertThat(jobs("add", "x", "--source", "prod", "--store", "local", "--topics", "a", "--retention", "forever",
                "--config", config).err()).contains("compliance:30d");
        jobs("add", "twice", "--source", "prod", "--store", "local", "--topics", "a", "--config", config);
        assertThat(jobs("add", "twice", "--source", "prod", "--store", "local", "--topics", "a", "--config", config).err())
                .contains("already exists");
        assertThat(jobs("pause", "nope").err()).contains("nope").contains("twice");
    }

    @Test
    void updateChangesOnlyTheOptionsGivenAndIsAuditedAsTheActingUser() {
        jobs("add", "orders", "--source", "prod", "--store", "local", "--topics", "orders.*", "--exclude", "orders\\.tmp",
                "--flush-linger", "1m", "--compression", "lz4", "--retention", "governance:7d", "--commit-offsets",
                "--config", config);
        JobConfig before = stored("orders");

        CliRun run = jobs("update", "orders", "--topics", "orders.*,refunds.*", "--sensitivity", "high", "--max-lag", "10m",
                "--no-commit-offsets", "--config", config);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Job orders updated.");
        JobConfig after = stored("orders");
        assertThat(after.topics().includes()).containsExactly("orders.*", "refunds.*");
        assertThat(after.topics().excludes()).as("not given, kept").containsExactly("orders\\.tmp");
        assertThat(after.anomalies()).isEqualTo(new AnomalySettings(Set.of(), Sensitivity.HIGH, Duration.ofMinutes(10)));
        assertThat(after.commitOffsets()).isFalse();
        assertThat(after).usingRecursiveComparison().ignoringFields("topics", "anomalies", "commitOffsets").isEqualTo(before);
        assertThat(jobs("list").out()).containsPattern("orders\\s+running\\s+prod\\s+local\\s+.*\\s+high, max lag 10m");
        try (StateDatabase state = StateDatabase.open(Path.of(data), "test")) {
            AuditEntry update = state.audit().list(AuditFilter.all()).stream()
                    .filter(e -> e.action().equals("job.update")).reduce((a, b) -> b).orElseThrow();
            assertThat(update.actor()).isEqualTo(Principal.unclaimed().name());
            assertThat(update.target()).isEqualTo("orders");
            assertThat(update.parameters()).contains("high");
        }
    }

    @Test
    void detectorsSwitchedOffFromTheCommandLineComeBackOnWithNone() {
        jobs("add", "quiet", "--source", "prod", "--store", "local", "--topics", "a", "--detectors-off",
                "format_drift, THROUGHPUT", "--config", config);
        assertThat(stored("quiet").detection().off()).containsExactlyInAnyOrder(Detector.FORMAT_DRIFT, Detector.THROUGHPUT);
        assertThat(jobs("list").out()).containsPattern("quiet\\s.*normal, max lag 5m, off format_drift,throughput");

        assertThat(jobs("update", "quiet", "--detectors-off", "none").exitCode()).isZero();

        assertThat(stored("quiet").detection().off()).isEmpty();
        assertThat(stored("quiet").topics().includes()).containsExactly("a");
        assertThat(jobs("update", "quiet", "--detectors-off", "none").out()).contains("Job quiet unchanged");
    }

    @Test
    void updateRefusesAnUnknownJobAndBadValuesAndChangesNothing() {
        jobs("add", "orders", "--source", "prod", "--store", "local", "--topics", "a", "--flush-linger", "2m", "--config", config);
        JobConfig before = stored("orders");

        CliRun unknown = jobs("update", "ordres", "--sensitivity", "low");
        CliRun shortLag = jobs("update", "orders", "--max-lag", "1m");
        CliRun shorterLinger = jobs("update", "orders", "--max-lag", "3m", "--flush-linger", "5m");
        CliRun detector = jobs("update", "orders", "--detectors-off", "lag");
        CliRun sensitivity = jobs("update", "orders", "--sensitivity", "paranoid");

        assertThat(unknown.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(unknown.err()).contains("ordres").contains("orders");
        assertThat(shortLag.err()).contains("--max-lag 1m").contains("flush.max_linger (2m)");
        assertThat(shorterLinger.err()).contains("--max-lag 3m").contains("flush.max_linger (5m)");
        assertThat(detector.err()).contains("'lag' is not a detector").contains("lag_spike").contains("none");
        assertThat(sensitivity.err()).contains("--sensitivity").contains("paranoid");
        assertThat(jobs("add", "x", "--source", "prod", "--topics", "a", "--config", config).err()).contains("--store");
        assertThat(stored("orders")).isEqualTo(before);
    }

    @Test
    void previewShowsWhichTopicsThePatternsSelectNow() {
        broker.createTopic("preview.orders", 1, Map.of());
        broker.createTopic("preview.orders.tmp", 1, Map.of());
        jobs("add", "pv", "--source", "prod", "--store", "local", "--topics", "preview\\..*",
                "--exclude", ".*\\.tmp", "--config", config);

        CliRun run = jobs("preview", "pv", "--config", config);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  + preview.orders\n").contains("  - preview.orders.tmp");
    }

    @Test
    void statusOfAJobNeverRunSaysSo() {
        jobs("add", "idle", "--source", "prod", "--store", "local", "--topics", "a", "--config", config);

        CliRun run = jobs("status");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("idle\\s+running\\s+0\\s+0.*never");
    }

    @Test
    void statusWithAWindowPrintsTheLagPercentilesOfEachJobAndTopic() {
        jobs("add", "orders", "--source", "prod", "--store", "local", "--topics", "orders.*", "--config", config);
        Instant now = Instant.now();
        List<MetricSample> samples = new ArrayList<>();
        for (int k = 1; k <= 100; k++) {
            // orders.eu-0 k records and k/10 s behind at the sample k × 10 s ago; orders.eu-1 and orders.us-0 caught up.
            Instant at = now.minusSeconds(10L * k);
            samples.add(new MetricSample("orders", "orders.eu", 0, at, 10_000, 10_000 - k, k, k / 10.0, 10, 1_000, 20L, null));
            samples.add(new MetricSample("orders", "orders.eu", 1, at, 5_000, 5_000, 0, 0, 10, 1_000, 20L, null));
            samples.add(new MetricSample("orders", "orders.us", 0, at, 7_000, 7_000, 0, 0, 10, 1_000, 20L, null));
        }
        samples.add(new MetricSample("orders", "orders.us", 0, now.minus(Duration.ofHours(2)), 7_000, 0, 7_000, 900, 0, 0, null, null));
        try (StateDatabase run = StateDatabase.open(Path.of(data), "run")) {
            run.metrics().insert(samples);
        }

        CliRun hour = jobs("status", "orders", "--window", "1h");
        CliRun day = jobs("status", "--window", "24h");

        assertThat(hour.exitCode()).as(hour.err()).isZero();
        assertThat(hour.out()).contains("Lag over the last 1h (percentiles of the samples, in records and seconds):")
                .containsPattern("JOB\\s+TOPIC\\s+SAMPLES\\s+P50\\s+P95\\s+P99\\s+MAX\\s+P50_S\\s+P95_S\\s+P99_S\\s+MAX_S")
                .containsPattern("orders\\s+\\(all\\)\\s+100\\s+50\\s+95\\s+99\\s+100\\s+5.0\\s+9.5\\s+9.9\\s+10.0")
                .containsPattern("orders\\s+orders.eu\\s+100\\s+50\\s+95\\s+99\\s+100\\s+5.0\\s+9.5\\s+9.9\\s+10.0")
                .containsPattern("orders\\s+orders.us\\s+100\\s+0\\s+0\\s+0\\s+0\\s+0.0\\s+0.0\\s+0.0\\s+0.0");
        assertThat(day.out()).as("the two-hour-old sample").containsPattern("orders\\s+\\(all\\)\\s+101\\s.*\\s7000\\s.*\\s900.0\\s*\\n");
        assertThat(jobs("status", "--window", "a week").err()).contains("--window").contains("'a week' is not a duration");
        assertThat(jobs("status").out()).doesNotContain("Lag over");
    }

    private JobConfig stored(String job) {
        try (StateDatabase state = StateDatabase.open(Path.of(data), "test")) {
            return state.jobs().get(job).config();
        }
    }

    private CliRun jobs(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "jobs";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data";
        all[args.length + 2] = data;
        return CliRun.of(all);
    }
}
