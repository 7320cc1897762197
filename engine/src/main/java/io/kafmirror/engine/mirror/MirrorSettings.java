package io.kafmirror.engine.mirror;

import io.kafmirror.engine.config.AnomalySettings;
import io.kafmirror.engine.config.ConfigException;
import io.kafmirror.engine.config.ConfigPath;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.RetentionPolicy;
import io.kafmirror.engine.config.StoredBatches;
import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.store.ObjectRetention;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.kafka.common.IsolationLevel;

/**
 * What one backup job needs at run time, already resolved from the configuration.
 *
 * @param job               the job name, for logs and client ids
 * @param cluster           the source cluster name as it appears in segment keys
 * @param topics            which source topics to mirror (internal topics never are)
 * @param flushBytes        seal a topic's segment once its buffered records reach this size
 * @param flushLinger       seal a topic's segment once its oldest buffered record waited this long
 * @param codec             compression of the batches the engine builds (see {@code batches})
 * @param batches           whether compressed source batches are stored as they are or rebuilt with {@code codec}
 * @param maxBufferedBytes  bound on records held in memory, buffered and waiting for the store together
 * @param readCommitted     skip records of aborted transactions (read_committed)
 * @param retention         Object Lock retention of a topic's segment sealed at a given instant
 * @param topicRefresh      how often the source is asked for new topics and partitions
 * @param commitOffsets     commit stored offsets to the source as group {@code kaf-mirror-<job>}, for visibility only
 * @param anomalies         which anomaly detectors run on the records, and how sensitive they are
 */
public record MirrorSettings(String job, String cluster, Predicate<String> topics, long flushBytes,
                             Duration flushLinger, SegmentCodec codec, StoredBatches batches, long maxBufferedBytes, boolean readCommitted,
                             RetentionChoice retention, Duration topicRefresh, boolean commitOffsets, AnomalySettings anomalies) {

    /** The retention given to a segment of {@code topic} sealed at {@code sealedAt}. */
    @FunctionalInterface
    public interface RetentionChoice {
        /** Retention for a segment of {@code topic} sealed at {@code sealedAt}; {@link ObjectRetention#NONE} for none. */
        ObjectRetention forSegment(String topic, Instant sealedAt);
    }

    public MirrorSettings {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(batches, "batches");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(anomalies, "anomalies");
        if (flushBytes <= 0 || maxBufferedBytes < flushBytes) {
            throw new IllegalArgumentException("Flush size must be positive and the memory bound at least the flush size");
        }
        if (flushLinger.isNegative() || flushLinger.isZero() || topicRefresh.isNegative() || topicRefresh.isZero()) {
            throw new IllegalArgumentException("Linger and topic refresh intervals must be positive");
        }
    }

    /** The settings of job {@code name} as configured; its source cluster's name goes into segment keys. */
    public static MirrorSettings of(String name, JobConfig job) {
        if (job.maxBuffered() < job.flush().maxBytes()) {
            throw ConfigException.at(ConfigPath.of("jobs", name, "max_buffered"), "is " + job.maxBuffered()
                    + " bytes, less than one segment (flush.max_bytes " + job.flush().maxBytes()
                    + "); raise max_buffered or lower flush.max_bytes");
        }
        RetentionPolicy retention = job.retention();
        return new MirrorSettings(name, job.source(), job.topics()::matches, job.flush().maxBytes(),
                job.flush().maxLinger(), job.compression(), job.batches(), job.maxBuffered(),
                job.isolation() == IsolationLevel.READ_COMMITTED, retention::forTopic, Duration.ofSeconds(30),
                job.commitOffsets(), job.detection());
    }

    /**
     * Defaults for {@code job} on {@code cluster}: 16 MiB or 30 s per flush, source batches kept (zstd for the
     * uncompressed ones), 256 MiB in memory, read_committed.
     */
    public static MirrorSettings defaults(String job, String cluster, Predicate<String> topics) {
        return new MirrorSettings(job, cluster, topics, 16L << 20, Duration.ofSeconds(30), SegmentCodec.ZSTD,
                StoredBatches.SOURCE, 256L << 20, true, (topic, at) -> ObjectRetention.NONE, Duration.ofSeconds(30), false,
                AnomalySettings.DEFAULT);
    }

    /** These settings flushing at {@code bytes} or after {@code linger}. */
    public MirrorSettings withFlush(long bytes, Duration linger) {
        return new MirrorSettings(job, cluster, topics, bytes, linger, codec, batches, Math.max(maxBufferedBytes, bytes),
                readCommitted, retention, topicRefresh, commitOffsets, anomalies);
    }

    /** These settings holding at most {@code bytes} in memory. */
    public MirrorSettings withMaxBuffered(long bytes) {
        return new MirrorSettings(job, cluster, topics, flushBytes, flushLinger, codec, batches, bytes, readCommitted,
                retention, topicRefresh, commitOffsets, anomalies);
    }

    /** These settings looking for new topics every {@code interval}. */
    public MirrorSettings withTopicRefresh(Duration interval) {
        return new MirrorSettings(job, cluster, topics, flushBytes, flushLinger, codec, batches, maxBufferedBytes, readCommitted,
                retention, interval, commitOffsets, anomalies);
    }

    /** These settings with {@code isolation} read_committed or not. */
    public MirrorSettings withReadCommitted(boolean on) {
        return new MirrorSettings(job, cluster, topics, flushBytes, flushLinger, codec, batches, maxBufferedBytes, on,
                retention, topicRefresh, commitOffsets, anomalies);
    }

    /** These settings with segments compressed by {@code newCodec}. */
    public MirrorSettings withCodec(SegmentCodec newCodec) {
        return new MirrorSettings(job, cluster, topics, flushBytes, flushLinger, newCodec, batches, maxBufferedBytes,
                readCommitted, retention, topicRefresh, commitOffsets, anomalies);
    }

    /** These settings storing source batches as {@code choice} says. */
    public MirrorSettings withBatches(StoredBatches choice) {
        return new MirrorSettings(job, cluster, topics, flushBytes, flushLinger, codec, choice, maxBufferedBytes,
                readCommitted, retention, topicRefresh, commitOffsets, anomalies);
    }

    /** These settings committing stored offsets to the source, or not. */
    public MirrorSettings withCommitOffsets(boolean on) {
        return new MirrorSettings(job, cluster, topics, flushBytes, flushLinger, codec, batches, maxBufferedBytes, readCommitted,
                retention, topicRefresh, on, anomalies);
    }

    /** These settings running the anomaly detectors {@code settings} leave on, at its sensitivity. */
    public MirrorSettings withAnomalies(AnomalySettings settings) {
        return new MirrorSettings(job, cluster, topics, flushBytes, flushLinger, codec, batches, maxBufferedBytes, readCommitted,
                retention, topicRefresh, commitOffsets, settings);
    }

    /** These settings giving segments the retention {@code choice} picks. */
    public MirrorSettings withRetention(RetentionChoice choice) {
        return new MirrorSettings(job, cluster, topics, flushBytes, flushLinger, codec, batches, maxBufferedBytes, readCommitted,
                choice, topicRefresh, commitOffsets, anomalies);
    }
}
