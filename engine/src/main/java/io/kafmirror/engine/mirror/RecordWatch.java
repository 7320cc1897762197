package io.kafmirror.engine.mirror;

import io.kafmirror.engine.anomaly.Detector;
import io.kafmirror.engine.anomaly.DetectorMemory;
import io.kafmirror.engine.anomaly.FormatDrift;
import io.kafmirror.engine.anomaly.HeaderKeyChange;
import io.kafmirror.engine.anomaly.KeyCardinalityShift;
import io.kafmirror.engine.anomaly.PayloadFormat;
import io.kafmirror.engine.anomaly.SizeShift;
import io.kafmirror.engine.anomaly.ThroughputShift;
import io.kafmirror.engine.anomaly.TimestampSkew;
import io.kafmirror.engine.config.AnomalySettings;
import io.kafmirror.kfs.format.KfsRecord;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.DefaultRecordBatch;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.common.utils.internals.BufferSupplier;
import org.apache.kafka.common.utils.internals.CloseableIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the records a job mirrors and reports, as {@link MirrorEvent}s, the shifts in them an operator must know
 * of: a topic's rate far above or below its usual ({@link ThroughputShift}), its payloads no longer in their usual
 * format ({@link FormatDrift}) or size ({@link SizeShift}), header keys new or gone ({@link HeaderKeyChange}),
 * producer timestamps far from when records were written ({@link TimestampSkew}).
 *
 * <p>The rate counts every record, from batch headers (record count, first and last timestamp) that cost nothing to
 * read. Source batches are stored without being decompressed; looking inside costs a decompression, so formats, sizes,
 * header keys and timestamps are judged on a sample: each topic gets a budget of {@value #RECORDS_PER_SECOND} examined records a
 * second, a batch is examined whole while the budget lasts, later ones pass unopened until it refills. Up to that rate
 * every record is examined; above it, a drift's start is known to the nearest examined batch. Runs on the mirror thread.
 */
final class RecordWatch {

    static final int RECORDS_PER_SECOND = 5_000;
    /** How often what the detectors learned is kept, besides at the end of a run: a crash loses at most this much. */
    static final long SAVE_EVERY_MS = 300_000;
    private static final Logger LOG = LoggerFactory.getLogger(RecordWatch.class);

    private final MirrorListener listener;
    private final Clock clock;
    private final Function<String, SourceTopic> sourceTopics;
    private final AnomalySettings settings;
    private final DetectorMemory memory;
    private final Map<String, Watched> topics = new HashMap<>();
    private final BufferSupplier decompression = BufferSupplier.create();
    private long savedAt;

    /**
     * A watch reporting to {@code listener}, told each topic's ID and partition count when it first sees it, running
     * the detectors {@code settings} leave on at its sensitivity, which recall and keep what they learn in {@code memory}.
     */
    RecordWatch(MirrorListener listener, Clock clock, Function<String, SourceTopic> sourceTopics, AnomalySettings settings,
                DetectorMemory memory) {
        this.listener = listener;
        this.clock = clock;
        this.sourceTopics = sourceTopics;
        this.settings = settings;
        this.memory = memory;
        this.savedAt = clock.millis();
    }

    /** Counts one record, and examines it if the topic's budget allows. */
    void record(TopicPartition partition, KfsRecord record) {
        Watched watched = watched(partition.topic());
        long now = clock.millis();
        watched.count(partition.partition(), record.timestamp(), record.timestamp(), 1, now);
        if (watched.take(now)) {
            watched.examine(partition.partition(), record.timestamp(), record.timestampType(), record.key(), record.value(),
                    keys(record.headers()), now);
        }
    }

    /** Counts the records of a Kafka v2 batch, and examines them, decompressing it, if the topic's budget allows. */
    void batch(TopicPartition partition, ByteBuffer batch) {
        Watched watched = watched(partition.topic());
        long now = clock.millis();
        try {
            boolean examine = watched.take(now);
            for (MutableRecordBatch b : MemoryRecords.readableRecords(batch.duplicate()).batches()) {
                if (b.isControlBatch()) {
                    continue;
                }
                count(partition, b, watched, now);
                if (examine) {
                    examine(partition, b, watched, now);
                }
            }
        } catch (RuntimeException e) {
            // Looking is secondary: a batch the watch cannot read is still stored, and the store's own checks apply.
            LOG.warn("Cannot examine the records of a batch of {}: {}", partition, e.toString());
        }
    }

    /** Lets the clock move on for every topic's rate: how a topic that stops getting records is seen. */
    void tick() {
        long now = clock.millis();
        if (settings.on(Detector.THROUGHPUT)) {
            topics.values().forEach(w -> w.throughput.tick(now).forEach(this::report));
        }
        if (now - savedAt >= SAVE_EVERY_MS) {
            save();
        }
    }

    /**
     * Keeps what the detectors learned of every topic, in one write; a state unchanged since the last save is not
     * written again. A failure to keep it is logged: the backup goes on, a restart learns anew.
     */
    void save() {
        savedAt = clock.millis();
        List<DetectorMemory.Learned> learned = new ArrayList<>();
        topics.values().forEach(w -> w.changes(learned));
        try {
            memory.keep(learned);
            topics.values().forEach(Watched::kept);
        } catch (RuntimeException e) {
            LOG.warn("Cannot keep what the anomaly detectors learned ({}); after a restart they learn anew", e.getMessage());
        }
    }

    private static void count(TopicPartition partition, MutableRecordBatch b, Watched watched, long now) {
        Integer count = b.countOrNull();
        int records = count != null ? count : (int) (b.lastOffset() - b.baseOffset() + 1);
        // Under LogAppendTime every record carries the broker's time, the batch's maximum.
        long first = b.timestampType() == TimestampType.CREATE_TIME && b instanceof DefaultRecordBatch d
                ? d.baseTimestamp() : b.maxTimestamp();
        watched.count(partition.partition(), first, b.maxTimestamp(), records, now);
    }

    private void examine(TopicPartition partition, MutableRecordBatch b, Watched watched, long now) {
        try (CloseableIterator<Record> records = b.streamingIterator(decompression)) {
            while (records.hasNext()) {
                Record r = records.next();
                watched.examine(partition.partition(), r.timestamp(), b.timestampType(), Utils.toNullableArray(r.key()),
                        Utils.toNullableArray(r.value()), keys(r.headers()), now);
            }
        }
    }

    private static List<String> keys(Header[] headers) {
        return Arrays.stream(headers).map(Header::key).toList();
    }

    /** Forgets a topic that is no longer mirrored (deleted, recreated): a new generation learns its records anew. */
    void forget(String topic) {
        topics.remove(topic);
    }

    private Watched watched(String topic) {
        return topics.computeIfAbsent(topic, t -> new Watched(sourceTopics.apply(t), clock.millis()));
    }

    /** One topic: its detectors and its sampling budget, counted per wall-clock second. */
    private final class Watched {
        final ThroughputShift throughput;
        final FormatDrift drift;
        final SizeShift sizes;
        final HeaderKeyChange headers;
        final TimestampSkew skew;
        final KeyCardinalityShift keyVariety;
        final String topic;
        final String generation;
        final List<Remembered> remembered;
        long second = -1;
        int spent;

        Watched(SourceTopic source, long now) {
            this.topic = source.name();
            this.generation = String.valueOf(source.topicId());
            this.throughput = new ThroughputShift(topic, settings.level());
            this.drift = new FormatDrift(topic, settings.level());
            this.sizes = new SizeShift(topic, settings.level());
            this.headers = new HeaderKeyChange(topic);
            this.skew = new TimestampSkew(topic, settings.level());
            this.keyVariety = new KeyCardinalityShift(topic, settings.level());
            this.remembered = List.of(
                    new Remembered(Detector.THROUGHPUT, throughput::learned, throughput::recall),
                    new Remembered(Detector.FORMAT_DRIFT, drift::learned, drift::recall),
                    new Remembered(Detector.RECORD_SIZE, sizes::learned, sizes::recall),
                    new Remembered(Detector.HEADER_KEYS, headers::learned, headers::recall),
                    new Remembered(Detector.TIMESTAMP_SKEW, skew::learned, skew::recall),
                    new Remembered(Detector.KEY_CARDINALITY, keyVariety::learned, keyVariety::recall)).stream()
                    .filter(r -> settings.on(r.detector)).toList();
            remembered.forEach(r -> memory.restore(r.detector, topic, generation, r.recall));
            throughput.partitions(source.partitions(), now);
        }

        /** Adds what the detectors learned since the last save to {@code learned}. */
        void changes(List<DetectorMemory.Learned> learned) {
            for (Remembered r : remembered) {
                r.learned.get().filter(state -> !Arrays.equals(state, r.kept))
                        .ifPresent(state -> {
                            r.pending = state;
                            learned.add(new DetectorMemory.Learned(r.detector, topic, generation, state));
                        });
            }
        }

        /** Takes the states last handed out as kept. */
        void kept() {
            for (Remembered r : remembered) {
                if (r.pending != null) {
                    r.kept = r.pending;
                    r.pending = null;
                }
            }
        }

        /** Whether the budget of this second allows examining more. */
        boolean take(long now) {
            if (now / 1000 != second) {
                second = now / 1000;
                spent = 0;
            }
            return spent < RECORDS_PER_SECOND;
        }

        void count(int partition, long first, long last, int records, long now) {
            if (settings.on(Detector.THROUGHPUT)) {
                throughput.observe(partition, first, last, records, now).forEach(RecordWatch.this::report);
            }
        }

        /** Examines one record, spending one of the second's budget. */
        void examine(int partition, long timestamp, TimestampType type, byte[] key, byte[] value, List<String> headerKeys,
                     long now) {
            spent++;
            if (settings.on(Detector.FORMAT_DRIFT)) {
                drift.observe(partition, timestamp, PayloadFormat.of(value)).forEach(RecordWatch.this::report);
            }
            if (settings.on(Detector.RECORD_SIZE)) {
                sizes.observe(timestamp, value == null ? -1 : value.length).ifPresent(RecordWatch.this::report);
            }
            if (settings.on(Detector.HEADER_KEYS)) {
                headers.observe(timestamp, headerKeys).ifPresent(RecordWatch.this::report);
            }
            if (settings.on(Detector.KEY_CARDINALITY)) {
                keyVariety.observe(timestamp, key).ifPresent(RecordWatch.this::report);
            }
            if (type == TimestampType.CREATE_TIME && settings.on(Detector.TIMESTAMP_SKEW)) {
                skew.observe(partition, timestamp, now).ifPresent(RecordWatch.this::report);
            }
        }
    }

    /** One detector of a topic as its memory sees it: what it learned, how it takes that up again, what was kept. */
    private static final class Remembered {
        final Detector detector;
        final Supplier<Optional<byte[]>> learned;
        final Consumer<byte[]> recall;
        byte[] kept;
        byte[] pending;

        Remembered(Detector detector, Supplier<Optional<byte[]>> learned, Consumer<byte[]> recall) {
            this.detector = detector;
            this.learned = learned;
            this.recall = recall;
        }
    }

    private void report(FormatDrift.Finding f) {
        MirrorEvent.Type type = f.beginning() ? MirrorEvent.Type.FORMAT_DRIFT : MirrorEvent.Type.FORMAT_DRIFT_ENDED;
        listener.event(new MirrorEvent(type, f.at(), f.topic(), partitionOf(f.partitions()), f.message()));
    }

    private void report(ThroughputShift.Finding f) {
        MirrorEvent.Type type = f.direction() == ThroughputShift.Direction.SPIKE
                ? (f.beginning() ? MirrorEvent.Type.THROUGHPUT_SPIKE : MirrorEvent.Type.THROUGHPUT_SPIKE_ENDED)
                : (f.beginning() ? MirrorEvent.Type.THROUGHPUT_DROP : MirrorEvent.Type.THROUGHPUT_DROP_ENDED);
        listener.event(new MirrorEvent(type, f.at(), f.topic(), -1, f.message()));
    }

    private void report(SizeShift.Finding f) {
        MirrorEvent.Type type = f.beginning() ? MirrorEvent.Type.RECORD_SIZE_SHIFT : MirrorEvent.Type.RECORD_SIZE_SHIFT_ENDED;
        listener.event(new MirrorEvent(type, f.at(), f.topic(), -1, f.message()));
    }

    private void report(HeaderKeyChange.Finding f) {
        listener.event(new MirrorEvent(MirrorEvent.Type.HEADER_KEYS_CHANGED, f.at(), f.topic(), -1, f.message()));
    }

    private void report(KeyCardinalityShift.Finding f) {
        MirrorEvent.Type type = f.beginning() ? MirrorEvent.Type.KEY_CARDINALITY_SHIFT : MirrorEvent.Type.KEY_CARDINALITY_SHIFT_ENDED;
        listener.event(new MirrorEvent(type, f.at(), f.topic(), -1, f.message()));
    }

    private void report(TimestampSkew.Finding f) {
        listener.event(new MirrorEvent(MirrorEvent.Type.TIMESTAMP_SKEW, f.at(), f.topic(), partitionOf(f.partitions()),
                f.message()));
    }

    /** The one partition concerned, or -1 for several. */
    private static int partitionOf(Set<Integer> partitions) {
        return partitions.size() == 1 ? partitions.iterator().next() : -1;
    }
}
