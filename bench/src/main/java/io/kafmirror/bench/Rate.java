package io.kafmirror.bench;

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

    /** This rate relative to {@code other}, by bytes (records scale alike: both handle the same records). */
    double ratioTo(Rate other) {
        return megabytesPerSecond / other.megabytesPerSecond;
    }
}
