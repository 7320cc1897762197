package io.kafmirror.engine.mirror;

import io.kafmirror.kfs.catalog.CatalogChunk;
import io.kafmirror.kfs.catalog.CatalogEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Lag, throughput and latency of a running mirror, per partition. The mirror thread reports source end
 * offsets, the upload thread reports stored segments; {@link #sample} is read by whoever charts it.
 */
public final class MirrorProgress {

    private final Map<TopicPartition, Partition> partitions = new TreeMap<>(
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
    private long intervalStartMillis;

    /** Progress counted from {@code startMillis}. */
    MirrorProgress(long startMillis) {
        this.intervalStartMillis = startMillis;
    }

    /** The source's log end offsets as last seen by the reader, of no known instant: they count records only. */
    synchronized void sourceEnds(Map<TopicPartition, Long> ends) {
        ends.forEach((tp, end) -> partition(tp).sourceEnd = end);
    }

    /** The source's log end offsets as asked at {@code askedAtMillis}: every record written before then is below them. */
    synchronized void sourceEnds(Map<TopicPartition, Long> ends, long askedAtMillis) {
        ends.forEach((tp, end) -> partition(tp).endRead(end, askedAtMillis));
    }

    /** The source's high watermarks as just read: beyond its end offsets while a transaction is open (read_committed). */
    synchronized void highWatermarks(Map<TopicPartition, Long> marks) {
        marks.forEach((tp, mark) -> {
            // Not for a partition forgotten meanwhile (its topic deleted): the answer was on its way.
            Partition p = partitions.get(tp);
            if (p != null) {
                p.highWatermark = mark;
            }
        });
    }

    /** Where partition {@code tp} resumes: the offset after its last stored record. */
    synchronized void resumed(TopicPartition tp, long storedNext) {
        partition(tp).storedUpTo(storedNext);
    }

    /** A stored segment, durable at {@code storedAtMillis}, whose records carry {@code timestamps}. */
    synchronized void stored(CatalogEntry entry, RecordTimestamps timestamps, long storedAtMillis) {
        for (CatalogChunk chunk : entry.chunks()) {
            Partition p = partition(new TopicPartition(entry.topic(), chunk.partition()));
            p.storedUpTo(Math.max(p.storedNext, chunk.lastOffset() + 1));
            p.newestStoredTimestamp = Math.max(p.newestStoredTimestamp, chunk.maxTimestamp());
            p.records += chunk.recordCount();
            p.bytes += chunk.bytes();
            for (long timestamp : timestamps.of(chunk.partition())) {
                p.latency.record(storedAtMillis - timestamp);
            }
        }
    }

    /** The offset after the last stored record of every partition that has one. */
    synchronized Map<TopicPartition, Long> storedOffsets() {
        Map<TopicPartition, Long> stored = new HashMap<>();
        partitions.forEach((tp, p) -> {
            if (p.storedNext >= 0) {
                stored.put(tp, p.storedNext);
            }
        });
        return stored;
    }

    /** Forgets a partition that is no longer mirrored (its topic was deleted or recreated). */
    synchronized void forget(String topic) {
        partitions.keySet().removeIf(tp -> tp.topic().equals(topic));
    }

    /** The progress of every partition over the interval since the previous sample, which this one ends. */
    public synchronized List<PartitionProgress> sample(Instant now) {
        double seconds = Math.max(0.001, (now.toEpochMilli() - intervalStartMillis) / 1000.0);
        List<PartitionProgress> all = new ArrayList<>();
        partitions.forEach((tp, p) -> {
            long lag = p.sourceEnd < 0 ? -1 : Math.max(0, p.sourceEnd - Math.max(0, p.storedNext));
            double lagSeconds = lag == 0 ? 0
                    : p.coveredAt >= 0 ? Math.max(0, (now.toEpochMilli() - p.coveredAt) / 1000.0)
                    : p.newestStoredTimestamp < 0 ? -1
                    : Math.max(0, (now.toEpochMilli() - p.newestStoredTimestamp) / 1000.0);
            all.add(new PartitionProgress(tp.topic(), tp.partition(), p.sourceEnd, p.storedNext, lag, lagSeconds,
                    p.records / seconds, p.bytes / seconds, p.latency.percentile(0.5), p.latency.percentile(0.99),
                    Math.max(p.sourceEnd, p.highWatermark)));
            p.records = 0;
            p.bytes = 0;
            p.latency.clear();
        });
        intervalStartMillis = now.toEpochMilli();
        return all;
    }

    private Partition partition(TopicPartition tp) {
        return partitions.computeIfAbsent(tp, k -> new Partition());
    }

    /**
     * Counters of one partition; guarded by the enclosing instance. Its lag in seconds is measured from
     * {@link #coveredAt}, by the broker's offsets and our clock, not by record timestamps: producers set those
     * ({@code CreateTime}), a day in the past or in the future, and the newest stored one is as old as the partition
     * is quiet.
     */
    private static final class Partition {
        /** End readings kept while the backup is behind; beyond, every other one is dropped (coarser, never too young). */
        static final int READINGS = 256;

        long sourceEnd = -1;
        long highWatermark = -1;
        long storedNext = -1;
        long newestStoredTimestamp = -1;
        /** The last instant before which every record written to the partition is stored; -1 until seen. */
        long coveredAt = -1;
        /** End readings {end, at} above what is stored, oldest first: stored up to an end, covered up to its instant. */
        final List<long[]> readings = new ArrayList<>();
        long records;
        long bytes;
        final LatencyHistogram latency = new LatencyHistogram();

        void endRead(long end, long at) {
            sourceEnd = end;
            // Nothing stored of an empty partition: all of it is.
            if (Math.max(0, storedNext) >= end) {
                covered(at);
                readings.clear();
            } else if (!readings.isEmpty() && readings.get(readings.size() - 1)[0] >= end) {
                // Nothing written since the previous reading: once stored up to it, covered up to now.
                readings.get(readings.size() - 1)[1] = at;
            } else {
                if (readings.size() == READINGS) {
                    for (int i = readings.size() - 2; i > 0; i -= 2) {
                        readings.remove(i);
                    }
                }
                readings.add(new long[] {end, at});
            }
        }

        void storedUpTo(long next) {
            storedNext = next;
            while (!readings.isEmpty() && readings.get(0)[0] <= next) {
                covered(readings.remove(0)[1]);
            }
        }

        private void covered(long at) {
            coveredAt = Math.max(coveredAt, at);
        }
    }
}
