package io.kafmirror.engine.anomaly;

/** The engine's anomaly detectors, each of which a job can switch off ({@code anomalies.off} in its configuration). */
public enum Detector {
    /** Records no longer in the topic's usual payload format ({@link FormatDrift}). */
    FORMAT_DRIFT,
    /** Far more or fewer records a second than usual ({@link ThroughputShift}). */
    THROUGHPUT,
    /** Producer timestamps far ahead or behind ({@link TimestampSkew}). */
    TIMESTAMP_SKEW,
    /** Record values of another size than usual ({@link SizeShift}). */
    RECORD_SIZE,
    /** Header keys new or gone ({@link HeaderKeyChange}). */
    HEADER_KEYS,
    /** Far more or fewer distinct record keys than usual ({@link KeyCardinalityShift}). */
    KEY_CARDINALITY,
    /** A partition storing nothing while the source has records for it ({@link PartitionStall}). */
    PARTITION_STALL,
    /** The job's lag far beyond its usual, in records and seconds ({@link LagSpike}). */
    LAG_SPIKE,
    /** The job's lag in seconds beyond its fixed ceiling, {@code anomalies.max_lag} ({@link LagCeiling}). */
    LAG_CEILING,
    /** Retention and cleanup policy changes and consumer-group offsets deleted or reset, from the snapshot rounds. */
    CONTROL_PLANE
}
