package io.kafmirror.bench;

import org.apache.kafka.common.header.Header;

/**
 * Counts records and their payload: key, value, header keys and header values, uncompressed. Every
 * rate in the benchmark is this payload over time, so all sides are measured in the same unit.
 */
final class Tally {

    private long records;
    private long payloadBytes;

    /** Counts one record. */
    void add(byte[] key, byte[] value, Header[] headers) {
        records++;
        payloadBytes += length(key) + length(value);
        for (Header h : headers) {
            // Header keys are ASCII here, so their length in chars is their length in bytes.
            payloadBytes += h.key().length() + length(h.value());
        }
    }

    long records() {
        return records;
    }

    long payloadBytes() {
        return payloadBytes;
    }

    /** Fails when a reader returned other records than were written: a rate of wrong work is worthless. */
    void requireSame(Tally expected, String what) {
        if (records != expected.records || payloadBytes != expected.payloadBytes) {
            throw new IllegalStateException(what + " returned " + records + " records of " + payloadBytes
                    + " payload bytes, but " + expected.records + " records of " + expected.payloadBytes + " were written");
        }
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
