package io.kafmirror.engine.mirror;

import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.format.SegmentIdentity;
import io.kafmirror.kfs.format.SegmentWriter;
import io.kafmirror.kfs.format.SegmentWriterConfig;
import io.kafmirror.kfs.store.ObjectRetention;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;

/** The records of one topic generation read since its last segment was sealed. */
final class TopicBuffer {

    private final SourceTopic topic;
    private final SegmentWriterConfig config;
    private final String cluster;
    private final String writerId;
    private final LongSupplier sequences;
    private SegmentWriter writer;
    private RecordTimestamps timestamps;
    private long openedAtNanos;

    /** A buffer whose segments take their writer sequence numbers from {@code sequences}. */
    TopicBuffer(SourceTopic topic, String cluster, String writerId, LongSupplier sequences, SegmentWriterConfig config) {
        this.topic = topic;
        this.cluster = cluster;
        this.writerId = writerId;
        this.sequences = sequences;
        this.config = config;
    }

    SourceTopic topic() {
        return topic;
    }

    /** Adds a record of {@code partition}; the first record starts the linger clock. */
    void append(int partition, KfsRecord record, long nowNanos) {
        open(nowNanos);
        writer.append(partition, record);
        timestamps.add(partition, record.timestamp());
    }

    /**
     * Adds a whole source batch of {@code partition}: stored byte for byte when it is compressed (or when the job
     * compresses nothing), its records compressed with the job's codec when it is not.
     */
    void appendBatch(int partition, ByteBuffer batch, long nowNanos) {
        RecordBatch header = MemoryRecords.readableRecords(batch.duplicate()).firstBatch();
        if (header.compressionType() == CompressionType.NONE && config.codec() != SegmentCodec.NONE) {
            for (Record record : header) {
                append(partition, KfsRecord.copyOf(record, header.timestampType()), nowNanos);
            }
            return;
        }
        open(nowNanos);
        writer.appendBatch(partition, batch);
        // Latency is measured per record; a source batch's records are taken at its newest timestamp, which is
        // at most the producer's linger later than its oldest one.
        for (int i = header.countOrNull(); i > 0; i--) {
            timestamps.add(partition, header.maxTimestamp());
        }
    }

    private void open(long nowNanos) {
        if (writer == null) {
            SegmentIdentity identity = new SegmentIdentity(cluster, topic.name(), topic.topicId(), writerId,
                    sequences.getAsLong());
            writer = new SegmentWriter(identity, config, Map.of());
            timestamps = new RecordTimestamps();
            openedAtNanos = nowNanos;
        }
    }

    boolean isEmpty() {
        return writer == null;
    }

    long bufferedBytes() {
        return writer == null ? 0 : writer.bufferedBytes();
    }

    /** Whether the buffer reached {@code maxBytes} or its oldest record waited {@code linger}. */
    boolean due(long maxBytes, Duration linger, long nowNanos) {
        return writer != null && (writer.bufferedBytes() >= maxBytes || nowNanos - openedAtNanos >= linger.toNanos());
    }

    /** Seals what is buffered into a segment with {@code retention}, ready for the store, and starts afresh. */
    PendingSegment seal(long nowMillis, ObjectRetention retention) {
        PendingSegment sealed = new PendingSegment(writer.seal(nowMillis), retention, timestamps);
        writer = null;
        timestamps = null;
        return sealed;
    }
}
