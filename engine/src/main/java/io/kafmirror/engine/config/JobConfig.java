package io.kafmirror.engine.config;

import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.format.SegmentWriterConfig;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.IsolationLevel;

/**
 * A backup job: which topics of which cluster go into which store, and how.
 *
 * @param source           name of the cluster to read, one of the configuration's {@code clusters}
 * @param store            name of the store to write, one of the configuration's {@code stores}
 * @param topics           the topics mirrored; new topics that match are picked up while running
 * @param flush            when segments are sealed; default 16 MiB or 30 s
 * @param compression      compression of the record batches kaf-mirror builds; default zstd
 * @param batches          {@code source} (default): compressed source batches stored byte for byte, uncompressed
 *                         ones compressed with {@code compression}; {@code rebuild}: every record re-encoded
 * @param maxBuffered      memory for data read but not yet stored, across the job's partitions; default 256 MiB.
 *                         When it is full, partitions pause: the source's own retention is the buffer
 * @param isolation        which records are read; default read_committed, which leaves out aborted transactions
 * @param retention        Object Lock per topic; default none
 * @param snapshotInterval how often topic configurations and consumer group offsets are snapshotted; default 5 min
 * @param commitOffsets    whether to commit progress to the source cluster for visibility; default false, so
 *                         read-only credentials work
 * @param anomalies        which anomaly detectors are off, how sensitive the others are and the job's lag ceiling; null
 *                         for all on, normal, the default ceiling
 * @param drills           the restore drills run on a schedule; default none
 */
public record JobConfig(String source, String store, TopicSelection topics, FlushPolicy flush,
                        SegmentCodec compression, StoredBatches batches, @SizeInBytes Long maxBuffered, IsolationLevel isolation,
                        RetentionPolicy retention, Duration snapshotInterval, Boolean commitOffsets,
                        AnomalySettings anomalies, List<DrillSchedule> drills) {

    /** Default {@link #maxBuffered}: 256 MiB. */
    public static final long DEFAULT_MAX_BUFFERED = 256L * 1024 * 1024;
    /** Default {@link #snapshotInterval}: 5 minutes. */
    public static final Duration DEFAULT_SNAPSHOT_INTERVAL = Duration.ofMinutes(5);

    /** Applies defaults and checks the required fields and limits. */
    public JobConfig {
        if (source == null || source.isBlank()) {
            throw ConfigException.at("source", "is required: the name of the cluster to back up");
        }
        if (store == null || store.isBlank()) {
            throw ConfigException.at("store", "is required: the name of the store to write to");
        }
        if (topics == null) {
            throw ConfigException.at("topics", "is required: the topic patterns to back up, e.g. \"orders.*,payments.*\"");
        }
        flush = flush != null ? flush : FlushPolicy.DEFAULT;
        compression = compression != null ? compression : SegmentWriterConfig.DEFAULT.codec();
        batches = batches != null ? batches : StoredBatches.SOURCE;
        maxBuffered = maxBuffered != null ? maxBuffered : DEFAULT_MAX_BUFFERED;
        isolation = isolation != null ? isolation : IsolationLevel.READ_COMMITTED;
        retention = retention != null ? retention : RetentionPolicy.NONE;
        snapshotInterval = snapshotInterval != null ? snapshotInterval : DEFAULT_SNAPSHOT_INTERVAL;
        commitOffsets = commitOffsets != null && commitOffsets;
        drills = drills == null ? List.of() : List.copyOf(drills);
        if (maxBuffered <= 0) {
            throw ConfigException.at("max_buffered", "must be positive, e.g. 256MiB");
        }
        if (snapshotInterval.isZero()) {
            throw ConfigException.at("snapshot_interval", "must be positive, e.g. 5m");
        }
        if (anomalies != null) {
            AnomalySettings.checkMaxLag(anomalies.maxLag(), flush.maxLinger());
        }
    }

    /** A job without scheduled drills, as before drills could be configured. */
    public JobConfig(String source, String store, TopicSelection topics, FlushPolicy flush, SegmentCodec compression,
                     StoredBatches batches, Long maxBuffered, IsolationLevel isolation, RetentionPolicy retention,
                     Duration snapshotInterval, Boolean commitOffsets, AnomalySettings anomalies) {
        this(source, store, topics, flush, compression, batches, maxBuffered, isolation, retention, snapshotInterval,
                commitOffsets, anomalies, null);
    }

    /** This job with {@code schedules} as its drills. */
    public JobConfig withDrills(List<DrillSchedule> schedules) {
        return new JobConfig(source, store, topics, flush, compression, batches, maxBuffered, isolation, retention,
                snapshotInterval, commitOffsets, anomalies, schedules);
    }

    /** A job of {@code topics} from {@code source} to {@code store}, everything else at its default. */
    public static JobConfig of(String source, String store, TopicSelection topics) {
        return new JobConfig(source, store, topics, null, null, null, null, null, null, null, null, null);
    }

    /** The job's anomaly detection: {@link #anomalies}, or every detector on at normal sensitivity. */
    public AnomalySettings detection() {
        return anomalies == null ? AnomalySettings.DEFAULT : anomalies;
    }
}
