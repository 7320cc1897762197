package io.kafmirror.kfs.format;

import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.utils.Utils;

/**
 * One Kafka record as the backup keeps it: its original source offset, timestamp and timestamp
 * type, key, value and headers. A {@code null} key or value (a tombstone) is distinct from an empty one.
 *
 * <p>Equality compares key, value and headers by content, so "restored equals produced" can be
 * asserted with {@code equals}.
 *
 * @param offset        the record's offset in its source partition
 * @param timestamp     epoch milliseconds as the source reported it, or {@link #NO_TIMESTAMP}
 * @param timestampType {@link TimestampType#CREATE_TIME} or {@link TimestampType#LOG_APPEND_TIME}
 * @param key           the key bytes, or {@code null}
 * @param value         the value bytes, or {@code null}
 * @param headers       the headers in their original order; never {@code null}
 */
public record KfsRecord(long offset, long timestamp, TimestampType timestampType, byte[] key, byte[] value,
                        Header[] headers) {

    /** The timestamp Kafka reports for records that carry none (converted from pre-0.10 formats). */
    public static final long NO_TIMESTAMP = -1L;

    private static final Header[] NO_HEADERS = new Header[0];

    public KfsRecord {
        Objects.requireNonNull(timestampType, "timestampType");
        if (timestampType == TimestampType.NO_TIMESTAMP_TYPE) {
            throw new IllegalArgumentException("Record at offset " + offset + " has no timestamp type; "
                    + "Kafka v2 batches always carry CREATE_TIME or LOG_APPEND_TIME");
        }
        if (timestamp < 0 && timestamp != NO_TIMESTAMP) {
            throw new IllegalArgumentException("Record at offset " + offset + " has timestamp " + timestamp
                    + "; Kafka allows only timestamps from 0 on, or -1 for none");
        }
        headers = headers == null ? NO_HEADERS : headers;
    }

    /**
     * A copy of {@code record}, read from a Kafka batch whose timestamps are of {@code type}: key, value and header
     * values are copied out, so the copy stays valid whatever becomes of the batch's buffer.
     */
    public static KfsRecord copyOf(Record record, TimestampType type) {
        Header[] headers = record.headers();
        Header[] copies = new Header[headers.length];
        for (int i = 0; i < headers.length; i++) {
            copies[i] = new RecordHeader(headers[i].key(), headers[i].value());
        }
        return new KfsRecord(record.offset(), record.timestamp(), type, Utils.toNullableArray(record.key()),
                Utils.toNullableArray(record.value()), copies);
    }

    /** A CreateTime record without headers. */
    public static KfsRecord of(long offset, long timestamp, byte[] key, byte[] value) {
        return new KfsRecord(offset, timestamp, TimestampType.CREATE_TIME, key, value, NO_HEADERS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KfsRecord r
                && offset == r.offset
                && timestamp == r.timestamp
                && timestampType == r.timestampType
                && Arrays.equals(key, r.key)
                && Arrays.equals(value, r.value)
                && Arrays.equals(headers, r.headers);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(offset, timestamp, timestampType);
        h = 31 * h + Arrays.hashCode(key);
        h = 31 * h + Arrays.hashCode(value);
        return 31 * h + Arrays.hashCode(headers);
    }

    @Override
    public String toString() {
        return "KfsRecord[offset=" + offset + ", timestamp=" + timestamp + ", " + timestampType
                + ", key=" + describe(key) + ", value=" + describe(value) + ", headers=" + headers.length + "]";
    }

    private static String describe(byte[] bytes) {
        return bytes == null ? "null" : bytes.length + " bytes";
    }
}
