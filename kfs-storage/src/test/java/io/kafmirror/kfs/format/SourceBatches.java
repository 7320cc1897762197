package io.kafmirror.kfs.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * Record batches as a source broker serves them, built with kafka-clients' own builder: any
 * compression, a source leader epoch, producer state, transactional or not, and offset ranges
 * wider than their records as compaction leaves them.
 */
final class SourceBatches {

    static final int LEADER_EPOCH = 7;

    private final Compression compression;
    private final TimestampType type;
    private final long baseOffset;
    private long logAppendTime = RecordBatch.NO_TIMESTAMP;
    private long producerId = RecordBatch.NO_PRODUCER_ID;
    private short producerEpoch = RecordBatch.NO_PRODUCER_EPOCH;
    private int baseSequence = RecordBatch.NO_SEQUENCE;
    private boolean transactional;
    private long lastOffset = -1;
    private final List<KfsRecord> records = new ArrayList<>();

    private SourceBatches(Compression compression, TimestampType type, long baseOffset) {
        this.compression = compression;
        this.type = type;
        this.baseOffset = baseOffset;
    }

    /** A CreateTime batch starting at {@code baseOffset}. */
    static SourceBatches createTime(Compression compression, long baseOffset) {
        return new SourceBatches(compression, TimestampType.CREATE_TIME, baseOffset);
    }

    /** A LogAppendTime batch the broker stamped with {@code time}. */
    static SourceBatches logAppendTime(Compression compression, long baseOffset, long time) {
        SourceBatches b = new SourceBatches(compression, TimestampType.LOG_APPEND_TIME, baseOffset);
        b.logAppendTime = time;
        return b;
    }

    /** Marks the batch as one of a transaction of producer {@code producerId}. */
    SourceBatches transactional(long id, short epoch, int sequence) {
        this.producerId = id;
        this.producerEpoch = epoch;
        this.baseSequence = sequence;
        this.transactional = true;
        return this;
    }

    /** Keeps the batch's last offset at {@code offset} past its last record, as Kafka's cleaner does. */
    SourceBatches lastOffset(long offset) {
        this.lastOffset = offset;
        return this;
    }

    /** Adds a record; for a LogAppendTime batch its timestamp is ignored by Kafka. */
    SourceBatches add(long offset, long timestamp, String key, String value) {
        return add(new KfsRecord(offset, timestamp, type, bytes(key), bytes(value), null));
    }

    /** Adds {@code r} with its offset, timestamp, key, value and headers; the batch decides the timestamp type. */
    SourceBatches add(KfsRecord r) {
        records.add(new KfsRecord(r.offset(), r.timestamp(), type, r.key(), r.value(), r.headers()));
        return this;
    }

    /** The batch's bytes, exactly as a broker would serve them. */
    ByteBuffer build() {
        MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(64 * 1024), RecordBatch.MAGIC_VALUE_V2,
                compression, type, baseOffset, logAppendTime, producerId, producerEpoch, baseSequence, transactional,
                LEADER_EPOCH);
        records.forEach(r -> builder.appendWithOffset(r.offset(), r.timestamp(), r.key(), r.value(), r.headers()));
        if (lastOffset >= 0) {
            builder.overrideLastOffset(lastOffset);
        }
        return builder.build().buffer();
    }

    /** The records a consumer gets from this batch. */
    List<KfsRecord> consumed() {
        return records.stream().map(r -> new KfsRecord(r.offset(), type == TimestampType.LOG_APPEND_TIME ? logAppendTime
                : r.timestamp(), type, r.key(), r.value(), r.headers())).toList();
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
