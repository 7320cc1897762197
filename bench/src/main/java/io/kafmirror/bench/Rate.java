package io.kafmirror.bench;

import java.util.Locale;

/**
 * A throughput.
 *
 * @param megabytesPerSecond uncompressed payload in MB (10^6 bytes) per second
 * @param recordsPerSecond   records per second
 */
record Rate(double megabytesPerSecond, double recordsPerSecond) {

    /** The rate of handling {@code tally} in {@code nanos}. */
    static Rate of(Tally tally, double nanos) {
        double seconds = nanos / 1e9;
        return new Rate(tally.payloadBytes() / 1e6 / seconds, tally.records() / seconds);
    }

    /** MB/s with one decimal, as every table prints it. */
    String megabytesText() {
        return String.format(Locale.ROOT, "%.1f", megabytesPerSecond);
    }

    /** Records/s with thousands separators, as every table prints it. */
    String recordsText() {
        return String.format(Locale.ROOT, "%,.0f", recordsPerSecond);
    }

    /** This rate relative to {@code other}, by bytes (records scale alike: both handle the same records). */
    double ratioTo(Rate other) {
        return megabytesPerSecond / other.megabytesPerSecond;
    }
}
