package io.kafmirror.kfs.format;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** CRC32C (Castagnoli, as Kafka batches use) of a byte range, as an unsigned value in an int. */
final class Crc32c {

    /** The Castagnoli polynomial, bit-reversed as CRC32C computes it. */
    private static final int POLYNOMIAL = 0x82F63B78;
    /**
     * {@code X_POW_8_2K[k]} is x^(8 * 2^k) modulo the polynomial, one per bit of a non-negative
     * {@code long} byte count, so shifting by any length is a product of these.
     */
    private static final int[] X_POW_8_2K = new int[Long.SIZE - 1];

    static {
        int p = 1 << (31 - 8); // x^8: bit-reversed, x^i is bit 31 - i
        for (int k = 0; k < X_POW_8_2K.length; k++) {
            X_POW_8_2K[k] = p;
            p = multiplyModP(p, p);
        }
    }

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

    /**
     * The CRC32C of A followed by B, from A's and B's CRC32Cs and B's length, without the bytes
     * (zlib's {@code crc32_combine}): A's CRC is shifted past B's length by multiplying it with
     * x^(8 * lengthB) modulo the polynomial.
     */
    static int combine(int crcA, int crcB, long lengthB) {
        if (lengthB < 0) {
            throw new IllegalArgumentException("lengthB must not be negative, was " + lengthB);
        }
        return multiplyModP(xPow8n(lengthB), crcA) ^ crcB;
    }

    static String hex(int crc) {
        return String.format("0x%08x", crc);
    }

    /** x^(8n) modulo the polynomial, for {@code n >= 0}: bit k of n contributes a factor x^(8 * 2^k). */
    private static int xPow8n(long n) {
        int p = 1 << 31; // x^0
        for (int k = 0; n != 0; n >>>= 1, k++) {
            if ((n & 1) != 0) {
                p = multiplyModP(X_POW_8_2K[k], p);
            }
        }
        return p;
    }

    /** Product of two bit-reversed polynomials modulo the CRC polynomial; {@code a} must not be zero. */
    private static int multiplyModP(int a, int b) {
        int product = 0;
        for (int m = 1 << 31; ; m >>>= 1) {
            if ((a & m) != 0) {
                product ^= b;
                if ((a & (m - 1)) == 0) {
                    return product;
                }
            }
            b = (b & 1) != 0 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1;
        }
    }
}
