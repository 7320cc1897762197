package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.LongUnaryOperator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runaway producer floods a topic, another slows to a trickle, another stamps records days ahead: the backup flags
 * each. Time is simulated with
 * producer timestamps, which is what both detectors go by.
 */
class DataPlaneShiftTest {

    private static final long BUCKET_MS = 10_000;

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();
    private SegmentCatalog catalog;
    private LocalSegmentStore store;

    @AfterEach
    void closeBackup() throws Exception {
        store.close();
        catalog.close();
    }

    @Test
    void aTenfoldBurstIsOneSpikeDatedFromItsFirstRecordsAndNotTheCatchUp() throws Exception {
        String topic = "shift.orders";
        broker.createTopic(topic, 3, Map.of());
        // Twelve minutes at 20 records/s, thirty seconds at 200, two minutes at 20 again; all read in seconds.
        long base = (Instant.now().minusSeconds(15 * 60).toEpochMilli() / BUCKET_MS) * BUCKET_MS;
        long burst = base + 12 * 60_000;
        long burstEnd = burst + 30_000;
        int sent = orders(topic, base, burstEnd + 120_000, t -> t >= burst && t < burstEnd ? 5 : 50, burst, burstEnd);
        try (RunningMirror mirror = mirror(topic)) {
            mirror.awaitStored(topic, sent);
            MirrorEvent spike = mirror.awaitEvent(MirrorEvent.Type.THROUGHPUT_SPIKE);
            MirrorEvent ended = mirror.awaitEvent(MirrorEvent.Type.THROUGHPUT_SPIKE_ENDED);

            assertThat(spike.topic()).isEqualTo(topic);
            assertThat(spike.at()).isBetween(Instant.ofEpochMilli(burst - BUCKET_MS), Instant.ofEpochMilli(burst));
            assertThat(spike.message()).startsWith(topic + ": ").contains(" records/s since " + spike.at() + ", usually ")
                    .endsWith("The last instant before it: " + spike.at().minusMillis(1) + ".");
            assertThat(ended.at()).isBetween(Instant.ofEpochMilli(burstEnd), Instant.ofEpochMilli(burstEnd + BUCKET_MS));
            assertThat(mirror.reported.events).filteredOn(e -> e.type() == MirrorEvent.Type.THROUGHPUT_SPIKE).hasSize(1);
            assertThat(mirror.reported.eventTypes()).doesNotContain(MirrorEvent.Type.THROUGHPUT_DROP,
                    MirrorEvent.Type.TIMESTAMP_SKEW, MirrorEvent.Type.FORMAT_DRIFT);
        }
    }

    @Test
    void aProducerSlowingToATrickleIsOneDropDatedFromItsFirstBucket() throws Exception {
        String topic = "shift.trickle";
        broker.createTopic(topic, 3, Map.of());
        // Twelve minutes at 20 records/s, ninety seconds at 1 record/s (a producer stuck retrying), two minutes at 20,
        // up to now.
        long base = (Instant.now().minusSeconds(15 * 60 + 30).toEpochMilli() / BUCKET_MS) * BUCKET_MS;
        long trickle = base + 12 * 60_000;
        long trickleEnd = trickle + 90_000;
        int sent = orders(topic, base, trickleEnd + 120_000, t -> t >= trickle && t < trickleEnd ? 1_000 : 50, trickle,
                trickleEnd);
        try (RunningMirror mirror = mirror(topic)) {
            mirror.awaitStored(topic, sent);
            MirrorEvent drop = mirror.awaitEvent(MirrorEvent.Type.THROUGHPUT_DROP);
            MirrorEvent ended = mirror.awaitEvent(MirrorEvent.Type.THROUGHPUT_DROP_ENDED);

            assertThat(drop.topic()).isEqualTo(topic);
            assertThat(drop.partition()).isEqualTo(-1);
            assertThat(drop.at()).isBetween(Instant.ofEpochMilli(trickle - BUCKET_MS), Instant.ofEpochMilli(trickle));
            assertThat(drop.message()).matches(topic + ": [\\d.]+ records/s since " + drop.at().toString().replace(".", "\\.")
                    + ", usually [\\d.,]+–[\\d.,]+ records/s\\. The last instant before it: "
                    + drop.at().minusMillis(1).toString().replace(".", "\\.") + "\\.");
            assertThat(ended.at()).isBetween(Instant.ofEpochMilli(trickleEnd), Instant.ofEpochMilli(trickleEnd + BUCKET_MS));
            // Once the mirror has read nothing for 30 s, the silence after the last record is a drop of its own.
            assertThat(mirror.reported.events).filteredOn(e -> e.type() == MirrorEvent.Type.THROUGHPUT_DROP
                    && e.at().isBefore(Instant.ofEpochMilli(trickleEnd + 120_000))).hasSize(1);
            assertThat(mirror.reported.eventTypes()).doesNotContain(MirrorEvent.Type.THROUGHPUT_SPIKE,
                    MirrorEvent.Type.TIMESTAMP_SKEW, MirrorEvent.Type.FORMAT_DRIFT);
        }
    }

    @Test
    void recordsStampedTwoDaysAheadAreATimestampSkew() throws Exception {
        String topic = "shift.clocks";
        // Kafka 4 refuses timestamps more than an hour ahead by default; a source may allow them.
        broker.createTopic(topic, 1, Map.of("message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE)));
        long now = System.currentTimeMillis();
        long ahead = now + Duration.ofDays(2).toMillis();
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < 400; i++) {
                long timestamp = i >= 300 && i < 330 ? ahead + i : now - 60_000 + i;
                producer.send(new ProducerRecord<>(topic, 0, timestamp, null, SourceProducer.utf8("{\"i\":" + i + "}")));
            }
            producer.confirm();
        }
        try (RunningMirror mirror = mirror(topic)) {
            mirror.awaitStored(topic, 400);
            MirrorEvent skew = mirror.awaitEvent(MirrorEvent.Type.TIMESTAMP_SKEW);

            assertThat(skew.topic()).isEqualTo(topic);
            assertThat(skew.partition()).isZero();
            assertThat(skew.at()).isAfter(Instant.ofEpochMilli(now));
            assertThat(skew.message()).startsWith(topic + ": 30 of 100 records read from ")
                    .contains("30 stamped more than 1 hour ahead of the time they were read, the furthest 2 days ahead ("
                            + Instant.ofEpochMilli(ahead + 329) + ")");
            assertThat(mirror.reported.events).filteredOn(e -> e.type() == MirrorEvent.Type.TIMESTAMP_SKEW).hasSize(1);
        }
    }

    @Test
    void eventsSuddenlyTwentyTimesLargerAreASizeShiftFromTheFirstOfThem() throws Exception {
        String topic = "shift.sizes";
        long firstLarge = produceTenMsApart(topic, 2_500, (i, timestamp) -> {
            String padding = "x".repeat(i >= 1_550 && i < 1_850 ? 2_000 : 60 + i % 40);
            return new ProducerRecord<>(topic, 0, timestamp, null,
                    SourceProducer.utf8("{\"event\":" + i + ",\"note\":\"" + padding + "\"}"));
        }) + 1_550 * 10;
        try (RunningMirror mirror = mirror(topic)) {
            mirror.awaitStored(topic, 2_500);
            MirrorEvent shift = mirror.awaitEvent(MirrorEvent.Type.RECORD_SIZE_SHIFT);
            mirror.awaitEvent(MirrorEvent.Type.RECORD_SIZE_SHIFT_ENDED);

            assertThat(shift.at()).isEqualTo(Instant.ofEpochMilli(firstLarge));
            assertThat(shift.message()).matches(topic + ": record values are [\\d.]+ KiB in the median since "
                    + Instant.ofEpochMilli(firstLarge) + ", usually \\d+ bytes–\\d+ bytes\\. The last instant before it: "
                    + Instant.ofEpochMilli(firstLarge - 1) + "\\.");
            assertThat(mirror.reported.events).filteredOn(e -> e.type() == MirrorEvent.Type.RECORD_SIZE_SHIFT).hasSize(1);
        }
    }

    @Test
    void randomKeysAmongTwentyCustomersAreAKeyCardinalityShiftFromTheirFirstWindow() throws Exception {
        String topic = "shift.keys";
        long firstRandom = produceTenMsApart(topic, 3_400, (i, timestamp) -> new ProducerRecord<>(topic, 0, timestamp,
                SourceProducer.utf8(i >= 2_000 && i < 2_600 ? UUID.randomUUID().toString() : "customer-" + i % 20),
                SourceProducer.utf8("{\"order\":" + i + "}"))) + 2_000 * 10;
        try (RunningMirror mirror = mirror(topic)) {
            mirror.awaitStored(topic, 3_400);
            MirrorEvent shift = mirror.awaitEvent(MirrorEvent.Type.KEY_CARDINALITY_SHIFT);
            mirror.awaitEvent(MirrorEvent.Type.KEY_CARDINALITY_SHIFT_ENDED);

            assertThat(shift.at()).isEqualTo(Instant.ofEpochMilli(firstRandom));
            assertThat(shift.message()).isEqualTo(topic + ": 100 % of records carry distinct keys since "
                    + Instant.ofEpochMilli(firstRandom) + ", usually 10 %. The last instant before it: "
                    + Instant.ofEpochMilli(firstRandom - 1) + ".");
            assertThat(mirror.reported.events).filteredOn(e -> e.type() == MirrorEvent.Type.KEY_CARDINALITY_SHIFT).hasSize(1);
        }
    }

    @Test
    void aHeaderKeyOnEveryRecordFromAnInstantIsAHeaderKeysChange() throws Exception {
        String topic = "shift.headers";
        long firstInjected = produceTenMsApart(topic, 1_600, (i, timestamp) -> {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, 0, timestamp, null,
                    SourceProducer.utf8("{\"event\":" + i + "}"));
            record.headers().add("traceparent", SourceProducer.utf8("00-" + i));
            if (i >= 1_250) {
                record.headers().add("x-injected", new byte[] {1});
            }
            return record;
        }) + 1_250 * 10;
        try (RunningMirror mirror = mirror(topic)) {
            mirror.awaitStored(topic, 1_600);
            MirrorEvent changed = mirror.awaitEvent(MirrorEvent.Type.HEADER_KEYS_CHANGED);

            assertThat(changed.at()).isEqualTo(Instant.ofEpochMilli(firstInjected));
            assertThat(changed.message()).isEqualTo(topic + ": header keys changed since " + Instant.ofEpochMilli(firstInjected)
                    + ": new key \"x-injected\" on 50 of 100 records. The last instant before it: "
                    + Instant.ofEpochMilli(firstInjected - 1) + ".");
        }
    }

    /**
     * Sends JSON orders to the three partitions of {@code topic} in turn, stamped from {@code from} to before {@code to},
     * each {@code gap} after the one before; returns how many. {@code rateChanges} are in ascending order. A batch's records are counted as spread evenly over its
     * time span, so, as a producer writing in real time would, no batch spans one of the {@code rateChanges}.
     */
    private int orders(String topic, long from, long to, LongUnaryOperator gap, long... rateChanges) {
        int sent = 0;
        try (SourceProducer producer = SourceProducer.compressed(broker.bootstrap(), "lz4")) {
            for (long t = from; t < to; t += gap.applyAsLong(t)) {
                if (Arrays.binarySearch(rateChanges, t) >= 0) {
                    producer.confirm();
                }
                String json = "{\"order\":\"o-" + sent + "\",\"amount\":" + (sent % 300) + "}";
                producer.send(new ProducerRecord<>(topic, sent % 3, t, null, SourceProducer.utf8(json)));
                sent++;
            }
            producer.confirm();
        }
        return sent;
    }

    /**
     * Creates {@code topic} with one partition and sends it {@code count} records made by {@code record} from their
     * index and timestamp, 10 ms apart from two minutes ago, lz4-compressed; returns the first timestamp.
     */
    private long produceTenMsApart(String topic, int count,
                                   BiFunction<Integer, Long, ProducerRecord<byte[], byte[]>> record) {
        broker.createTopic(topic, 1, Map.of());
        long base = Instant.now().minusSeconds(120).toEpochMilli();
        try (SourceProducer producer = SourceProducer.compressed(broker.bootstrap(), "lz4")) {
            for (int i = 0; i < count; i++) {
                producer.send(record.apply(i, base + i * 10L));
            }
            producer.confirm();
        }
        return base;
    }

    private RunningMirror mirror(String topic) throws Exception {
        catalog = SegmentCatalog.open(dir.resolve("catalog"));
        store = new LocalSegmentStore(dir.resolve("store"));
        MirrorSettings settings = MirrorSettings.defaults("shift", "prod", topic::equals)
                .withFlush(64 * 1024, Duration.ofMillis(100));
        return new RunningMirror(settings, broker.bootstrap(), new SegmentArchive(store, catalog));
    }
}
