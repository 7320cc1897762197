package io.kafmirror.ui.dashboard;

import io.kafmirror.engine.state.MetricSample;
import java.util.Locale;

/**
 * One line of the per-partition table: a partition's newest sample, as {@code kaf-mirror jobs status --full} shows it.
 *
 * @param sample the partition's newest sample
 */
public record PartitionRow(MetricSample sample) {

    /** The source topic. */
    public String topic() {
        return sample.topic();
    }

    /** The partition number. */
    public String partitionText() {
        return Integer.toString(sample.partition());
    }

    /** The source partition's end offset. */
    public String sourceEndText() {
        return count(sample.sourceEndOffset());
    }

    /** The next offset to store. */
    public String storedText() {
        return count(sample.storedOffset());
    }

    /** Records not yet stored. */
    public String lagRecordsText() {
        return count(Math.max(0, sample.lagRecords()));
    }

    /** Age of the oldest record not yet stored, one decimal. */
    public String lagSecondsText() {
        return String.format(Locale.ROOT, "%.1f s", sample.lagSeconds());
    }

    /** Records stored per second. */
    public String recordsPerSecondText() {
        return String.format(Locale.ROOT, "%,.0f", sample.recordsPerSecond());
    }

    /** Median mirror latency, or a dash when nothing was stored in the interval. */
    public String latencyP50Text() {
        return sample.latencyP50Millis() == null ? "–" : count(sample.latencyP50Millis()) + " ms";
    }

    /** The partition's error, or empty. */
    public String lastErrorText() {
        return sample.lastError() == null ? "" : sample.lastError();
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
