package io.kafmirror.engine.mirror;

import io.kafmirror.kfs.format.KfsRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.utils.Utils;

/** Turns a consumed or fetched record into the record a segment stores: same offset, timestamp and type, key, value, headers. */
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

    /** The stored form of {@code record} of a source batch whose timestamps are of {@code type}; bytes are copied. */
    static KfsRecord of(Record record, TimestampType type) {
        Header[] headers = record.headers();
        Header[] copies = new Header[headers.length];
        for (int i = 0; i < headers.length; i++) {
            // A header read from a batch may still point into the batch's buffer.
            copies[i] = new RecordHeader(headers[i].key(), headers[i].value());
        }
        return new KfsRecord(record.offset(), record.timestamp(), type, Utils.toNullableArray(record.key()),
                Utils.toNullableArray(record.value()), copies);
    }
}
