package io.kafmirror.engine.mirror;

import io.kafmirror.engine.anomaly.FormatDrift;
import io.kafmirror.engine.anomaly.PayloadFormat;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.common.utils.internals.BufferSupplier;
import org.apache.kafka.common.utils.internals.CloseableIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the payloads of a sample of the records a job mirrors and reports, as {@link MirrorEvent}s, when a topic's
 * records stop being in its usual format and when they are again ({@link FormatDrift}).
 *
 * <p>Source batches are stored without being decompressed; looking inside costs a decompression, so each topic gets a
 * budget of {@value #RECORDS_PER_SECOND} examined records a second: a batch is examined whole while the budget lasts,
 * later ones pass unopened until it refills. Up to that rate every record is examined; above it, the drift's start is
 * known to the nearest examined batch. Runs on the mirror thread.
 */
final class PayloadWatch {

    static final int RECORDS_PER_SECOND = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(PayloadWatch.class);

    private final MirrorListener listener;
    private final Clock clock;
    private final Map<String, Watched> topics = new HashMap<>();
    private final BufferSupplier decompression = BufferSupplier.create();

    PayloadWatch(MirrorListener listener, Clock clock) {
        this.listener = listener;
        this.clock = clock;
    }

    /** Takes one record's value, if the topic's budget allows. */
    void record(TopicPartition partition, long timestamp, byte[] value) {
        Watched watched = watched(partition.topic());
        if (watched.take()) {
            watched.observe(partition.partition(), timestamp, PayloadFormat.of(value));
        }
    }

    /** Takes the records of a Kafka v2 batch, decompressing it if the topic's budget allows. */
    void batch(TopicPartition partition, ByteBuffer batch) {
        Watched watched = watched(partition.topic());
        if (!watched.take()) {
            return;
        }
        try {
            examine(partition, batch, watched);
        } catch (RuntimeException e) {
            // Looking is secondary: a batch the watch cannot read is still stored, and the store's own checks apply.
            LOG.warn("Cannot examine the payloads of a batch of {}: {}", partition, e.toString());
        }
    }

    private void examine(TopicPartition partition, ByteBuffer batch, Watched watched) {
        for (MutableRecordBatch b : MemoryRecords.readableRecords(batch.duplicate()).batches()) {
            if (b.isControlBatch()) {
                continue;
            }
            try (CloseableIterator<Record> records = b.streamingIterator(decompression)) {
                while (records.hasNext()) {
                    Record r = records.next();
                    watched.observe(partition.partition(), r.timestamp(), PayloadFormat.of(Utils.toNullableArray(r.value())));
                }
            }
        }
    }

    /** Forgets a topic that is no longer mirrored (deleted, recreated): a new generation learns its formats anew. */
    void forget(String topic) {
        topics.remove(topic);
    }

    private Watched watched(String topic) {
        return topics.computeIfAbsent(topic, Watched::new);
    }

    /** One topic: its drift and its sampling budget, counted per wall-clock second. */
    private final class Watched {
        final FormatDrift drift;
        long second = -1;
        int spent;

        Watched(String topic) {
            this.drift = new FormatDrift(topic);
        }

        /** Whether the budget of this second allows examining more. */
        boolean take() {
            long now = clock.millis() / 1000;
            if (now != second) {
                second = now;
                spent = 0;
            }
            return spent < RECORDS_PER_SECOND;
        }

        /** Examines one record, spending one of the second's budget. */
        void observe(int partition, long timestamp, PayloadFormat format) {
            spent++;
            drift.observe(partition, timestamp, format).forEach(PayloadWatch.this::report);
        }
    }

    private void report(FormatDrift.Finding f) {
        int partition = f.partitions().size() == 1 ? f.partitions().iterator().next() : -1;
        MirrorEvent.Type type = f.beginning() ? MirrorEvent.Type.FORMAT_DRIFT : MirrorEvent.Type.FORMAT_DRIFT_ENDED;
        listener.event(new MirrorEvent(type, f.at(), f.topic(), partition, f.message()));
    }
}
