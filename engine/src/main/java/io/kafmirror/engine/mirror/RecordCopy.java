package io.kafmirror.engine.mirror;

import io.kafmirror.kfs.format.KfsRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;

/** Turns a consumed record into the record a segment stores: same offset, timestamp and type, key, value, headers. */
final class RecordCopy {

    private RecordCopy() {
    }

    /** The stored form of {@code consumed}; the byte arrays are shared, not copied. */
    static KfsRecord of(ConsumerRecord<byte[], byte[]> consumed) {
        TimestampType type = consumed.timestampType() == TimestampType.NO_TIMESTAMP_TYPE
                ? TimestampType.CREATE_TIME
                : consumed.timestampType();
        return new KfsRecord(consumed.offset(), consumed.timestamp(), type, consumed.key(), consumed.value(),
                consumed.headers().toArray());
    }
}
