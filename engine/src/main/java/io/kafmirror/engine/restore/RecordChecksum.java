package io.kafmirror.engine.restore;

import io.kafmirror.kfs.format.KfsRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.apache.kafka.common.header.Header;

/**
 * The CRC32C of what a restore keeps of a record: its timestamp (where compared), key, value and headers in order.
 * Each byte array is preceded by its length, -1 for null, so a tombstone differs from an empty value and moving
 * bytes between fields changes the checksum.
 */
final class RecordChecksum {

    private RecordChecksum() {
    }

    /** The checksum of {@code record}, over its timestamp only if {@code withTimestamp}. */
    static long of(KfsRecord record, boolean withTimestamp) {
        CRC32C crc = new CRC32C();
        if (withTimestamp) {
            crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, record.timestamp()));
        }
        update(crc, record.key());
        update(crc, record.value());
        crc.update(ByteBuffer.allocate(Integer.BYTES).putInt(0, record.headers().length));
        for (Header h : record.headers()) {
            update(crc, h.key().getBytes(StandardCharsets.UTF_8));
            update(crc, h.value());
        }
        return crc.getValue();
    }

    private static void update(CRC32C crc, byte[] bytes) {
        crc.update(ByteBuffer.allocate(Integer.BYTES).putInt(0, bytes == null ? -1 : bytes.length));
        if (bytes != null) {
            crc.update(bytes);
        }
    }
}
