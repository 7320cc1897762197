package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.anomaly.Detector;
import io.kafmirror.engine.config.AnomalySettings;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad deploy writes corrupt events into a JSON topic, or plain JSON into a topic of schema-registry records: the
 * backup flags it from its first record, and its end.
 */
class PayloadDriftTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void aBurstOfCorruptEventsInAJsonTopicIsFlaggedWithTheLastGoodInstant() throws Exception {
        String topic = "drift.payments";
        long firstBad = badDeploy(topic);
        long lastBad = firstBad + 299 * 10;
        mirrored(settings("drift", topic), topic, 2_400, mirror -> {
            MirrorEvent began = mirror.awaitEvent(MirrorEvent.Type.FORMAT_DRIFT);
            MirrorEvent ended = wholeEnd(mirror, 300);

            assertThat(began.topic()).isEqualTo(topic);
            assertThat(began.at()).isEqualTo(Instant.ofEpochMilli(firstBad));
            assertThat(began.message()).isEqualTo(topic + ": 100 % of records since " + Instant.ofEpochMilli(firstBad)
                    + " are not valid JSON; before, 0 %. The last instant before it: "
                    + Instant.ofEpochMilli(firstBad - 1) + ".");
            assertThat(ended.at()).isEqualTo(Instant.ofEpochMilli(lastBad));
            assertThat(ended.partition()).as("all partitions").isEqualTo(-1);
            assertThat(mirror.reported.events).filteredOn(e -> e.type() == MirrorEvent.Type.FORMAT_DRIFT).hasSize(1);
        });
    }

    @Test
    void plainJsonInATopicOfSchemaRegistryRecordsIsFlaggedWithTheLastGoodInstant() throws Exception {
        String topic = "drift.avro.payments";
        broker.createTopic(topic, 2, Map.of());
        long base = Instant.now().minusSeconds(120).toEpochMilli();
        long firstPlain = base + 1_000 * 10;
        long lastPlain = base + 1_199 * 10;
        try (SourceProducer producer = SourceProducer.compressed(broker.bootstrap(), "lz4")) {
            for (int i = 0; i < 2_000; i++) {
                long timestamp = base + i * 10L;
                // A release that lost its serializer configuration writes the event as plain JSON.
                byte[] value = timestamp >= firstPlain && timestamp <= lastPlain
                        ? SourceProducer.utf8("{\"payment\":\"p-" + i + "\",\"amount\":" + i % 500 + "}")
                        : registryFramed(42, i);
                producer.send(new ProducerRecord<>(topic, i % 2, timestamp, SourceProducer.utf8("p-" + i), value));
            }
            producer.confirm();
        }
        mirrored(settings("drift-avro", topic), topic, 2_000, mirror -> {
            MirrorEvent began = mirror.awaitEvent(MirrorEvent.Type.FORMAT_DRIFT);
            MirrorEvent ended = wholeEnd(mirror, 200);

            assertThat(began.topic()).isEqualTo(topic);
            assertThat(began.at()).isEqualTo(Instant.ofEpochMilli(firstPlain));
            assertThat(began.message()).isEqualTo(topic + ": 100 % of records since " + Instant.ofEpochMilli(firstPlain)
                    + " are not in the schema-registry format (magic byte 0, schema id); before, 0 %."
                    + " The last instant before it: " + Instant.ofEpochMilli(firstPlain - 1) + ".");
            assertThat(ended.at()).isEqualTo(Instant.ofEpochMilli(lastPlain));
            assertThat(mirror.reported.events).filteredOn(e -> e.type() == MirrorEvent.Type.FORMAT_DRIFT).hasSize(1);
        });
    }

    @Test
    void aJobWithFormatDriftSwitchedOffDoesNotReportTheSameBurst() throws Exception {
        String topic = "drift.off.payments";
        badDeploy(topic);
        MirrorSettings formatDriftOff = settings("drift-off", topic)
                .withAnomalies(new AnomalySettings(Set.of(Detector.FORMAT_DRIFT), null));
        // Records are looked at before they are stored: once all are stored, a drift would have been reported.
        mirrored(formatDriftOff, topic, 2_400, mirror -> assertThat(mirror.reported.events).extracting(MirrorEvent::type)
                .doesNotContain(MirrorEvent.Type.FORMAT_DRIFT, MirrorEvent.Type.FORMAT_DRIFT_ENDED));
    }

    private interface MirrorCheck {
        void check(RunningMirror mirror) throws Exception;
    }

    /** Mirrors {@code topic} with {@code settings} into a new store until {@code count} records are stored; then {@code check}. */
    private void mirrored(MirrorSettings settings, String topic, int count, MirrorCheck check) throws Exception {
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"));
             RunningMirror mirror = new RunningMirror(settings, broker.bootstrap(), new SegmentArchive(store, catalog))) {
            mirror.awaitStored(topic, count);
            check.check(mirror);
        }
    }

    private static MirrorSettings settings(String job, String topic) {
        return MirrorSettings.defaults(job, "prod", topic::equals).withFlush(64 * 1024, Duration.ofMillis(100));
    }

    /**
     * The drift's end counting all its {@code offFormat} records: read partition after partition, the incident ends once
     * per partition, the last time with all of it.
     */
    private static MirrorEvent wholeEnd(RunningMirror mirror, int offFormat) {
        mirror.await(() -> mirror.reported.events.stream().anyMatch(e -> e.type() == MirrorEvent.Type.FORMAT_DRIFT_ENDED
                && e.message().contains(offFormat + " of the")), () -> "the drift's end; got " + mirror.reported.events);
        return mirror.reported.events.stream().filter(e -> e.type() == MirrorEvent.Type.FORMAT_DRIFT_ENDED)
                .reduce((a, b) -> b).orElseThrow();
    }

    /**
     * Produces 2,400 JSON payments 10 ms apart into a new topic {@code topic}, records 900 to 1,199 corrupt; returns the
     * first corrupt record's timestamp.
     */
    private long badDeploy(String topic) {
        broker.createTopic(topic, 3, Map.of());
        long base = Instant.now().minusSeconds(120).toEpochMilli();
        long firstBad = base + 900 * 10;
        long lastBad = base + 1_199 * 10;
        try (SourceProducer producer = SourceProducer.compressed(broker.bootstrap(), "lz4")) {
            for (int i = 0; i < 2_400; i++) {
                long timestamp = base + i * 10L;
                String json = "{\"payment\":\"p-" + i + "\",\"amount\":" + (i % 500) + ".25,\"currency\":\"EUR\"}";
                byte[] value = timestamp >= firstBad && timestamp <= lastBad ? corrupt(json) : SourceProducer.utf8(json);
                producer.send(new ProducerRecord<>(topic, i % 3, timestamp, SourceProducer.utf8("p-" + i), value));
            }
            producer.confirm();
        }
        return firstBad;
    }

    /** A value as a schema-registry serializer writes it: magic byte 0, the 4-byte schema id, then an Avro-like body. */
    private static byte[] registryFramed(int schemaId, int i) {
        byte[] body = SourceProducer.utf8("\u0002p-" + i + "\u0004EUR");
        ByteBuffer value = ByteBuffer.allocate(5 + body.length + 8);
        return value.put((byte) 0).putInt(schemaId).put(body).putDouble(i % 500 + 0.25).array();
    }

    /** What a broken release writes: a few binary bytes, then the event cut off. */
    private static byte[] corrupt(String json) {
        byte[] cut = SourceProducer.utf8(json.substring(0, json.length() / 2));
        byte[] value = Arrays.copyOf(new byte[] {(byte) 0xfe, 0x01, 0x7f}, 3 + cut.length);
        System.arraycopy(cut, 0, value, 3, cut.length);
        return value;
    }
}
