package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.engine.anomaly.Detector;
import io.kafmirror.engine.anomaly.Sensitivity;
import io.kafmirror.kfs.format.SegmentCodec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;

class JobConfigTest {

    final TopicSelection orders = TopicSelection.parse("orders.*", "");

    @Test
    void leftOutSettingsTakeTheirDefaults() {
        JobConfig job = JobConfig.of("prod", "vault", orders);

        assertThat(job.flush()).isEqualTo(new FlushPolicy(16L << 20, Duration.ofSeconds(30)));
        assertThat(job.compression()).isEqualTo(SegmentCodec.ZSTD);
        assertThat(job.maxBuffered()).isEqualTo(256L << 20);
        assertThat(job.isolation()).isEqualTo(IsolationLevel.READ_COMMITTED);
        assertThat(job.retention()).isEqualTo(RetentionPolicy.NONE);
        assertThat(job.snapshotInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(job.commitOffsets()).isFalse();
        assertThat(job.detection().on(Detector.FORMAT_DRIFT)).isTrue();
        assertThat(job.detection().level()).isEqualTo(Sensitivity.NORMAL);
    }

    @Test
    void anomalyDetectorsAreSwitchedOffAndTunedPerJobAndWrittenBackAsRead() {
        String yaml = ordersJob("""
                    topics: { include: "orders.*" }
                    anomalies:
                      off: [throughput, header_keys]
                      sensitivity: high
                      max_lag: 2m
                """);
        MirrorConfig config = load(yaml);
        AnomalySettings settings = config.job("orders").detection();

        assertThat(settings.on(Detector.THROUGHPUT)).isFalse();
        assertThat(settings.on(Detector.HEADER_KEYS)).isFalse();
        assertThat(settings.on(Detector.FORMAT_DRIFT)).isTrue();
        assertThat(settings.level()).isEqualTo(Sensitivity.HIGH);
        assertThat(settings.lagCeiling(Duration.ofSeconds(30))).isEqualTo(Duration.ofMinutes(2));
        assertThat(load(new ConfigWriter().toYaml(config)).job("orders")).isEqualTo(config.job("orders"));
        assertThatThrownBy(() -> load(yaml.replace("header_keys", "headers")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("headers");
    }

    @Test
    void aLagCeilingNotLongerThanTheFlushLingerIsRefusedSayingWhy() {
        String yaml = ordersJob("""
                    topics: "orders.*"
                    flush: { max_linger: 1m }
                    anomalies: { max_lag: 45s }
                """);

        assertThatThrownBy(() -> load(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("max_lag: must be longer than flush.max_linger (1m)");
        assertThatThrownBy(() -> load(yaml.replace("45s", "0s"))).hasMessageContaining("max_lag: must be positive");
        assertThat(load(yaml.replace("45s", "10m")).job("orders").detection().lagCeiling(Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void sourceStoreAndTopicsAreRequired() {
        assertThatThrownBy(() -> JobConfig.of(null, "vault", orders)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("source: is required");
        assertThatThrownBy(() -> JobConfig.of("prod", "", orders)).hasMessageContaining("store: is required");
        assertThatThrownBy(() -> JobConfig.of("prod", "vault", null)).hasMessageContaining("topics: is required");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new FlushPolicy(0L, null)).hasMessageContaining("max_bytes: must be positive");
        assertThatThrownBy(() -> new FlushPolicy(null, Duration.ZERO)).hasMessageContaining("max_linger: must be positive");
        assertThatThrownBy(() -> new JobConfig("p", "s", orders, null, null, null, 0L, null, null, null, null, null))
                .hasMessageContaining("max_buffered: must be positive");
        assertThatThrownBy(() -> new JobConfig("p", "s", orders, null, null, null, null, null, null, Duration.ZERO, null, null))
                .hasMessageContaining("snapshot_interval: must be positive");
    }

    /** A configuration with the job orders from prod into vault, {@code settings} its further keys (indented as a job's). */
    private static String ordersJob(String settings) {
        return """
                clusters:
                  prod: { brokers: "127.0.0.1:9092" }
                stores:
                  vault: { type: local, path: /tmp/vault }
                jobs:
                  orders:
                    source: prod
                    store: vault
                """ + settings;
    }

    private static MirrorConfig load(String yaml) {
        return new ConfigLoader().load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "kaf-mirror.yml");
    }
}
