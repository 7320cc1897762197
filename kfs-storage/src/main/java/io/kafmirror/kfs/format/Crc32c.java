package io.kafmirror.kfs.format;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** CRC32C (Castagnoli, as Kafka batches use) of a byte range, as an unsigned value in an int. */
final class Crc32c {

    private Crc32c() {
    }

    static int of(byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }

    static int of(ByteBuffer buffer) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate());
        return (int) crc.getValue();
    }

    static String hex(int crc) {
        return String.format("0x%08x", crc);
    }
}
