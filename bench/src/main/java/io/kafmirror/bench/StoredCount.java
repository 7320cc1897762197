package io.kafmirror.bench;

import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.mirror.MirrorListener;
import io.kafmirror.kfs.catalog.CatalogChunk;
import io.kafmirror.kfs.catalog.CatalogEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Hears of every segment the mirror stores: counts its records, and keeps when each partition's
 * offset range became durable, from which mirror latency is worked out once all acknowledgements
 * are in.
 */
final class StoredCount implements MirrorListener {

    /**
     * Records of one partition that became durable together.
     *
     * @param partition   the source partition
     * @param firstOffset the first offset of the chunk
     * @param lastOffset  its last offset
     * @param storedAtMillis when the listener heard the segment was stored and catalogued
     */
    record DurableRange(int partition, long firstOffset, long lastOffset, long storedAtMillis) {
    }

    private final List<DurableRange> ranges = new ArrayList<>();
    private final List<MirrorEvent> events = new ArrayList<>();
    private long records;

    @Override
    public synchronized void segmentStored(CatalogEntry entry) {
        long now = System.currentTimeMillis();
        for (CatalogChunk chunk : entry.chunks()) {
            ranges.add(new DurableRange(chunk.partition(), chunk.firstOffset(), chunk.lastOffset(), now));
        }
        records += entry.recordCount();
        notifyAll();
    }

    @Override
    public synchronized void event(MirrorEvent event) {
        events.add(event);
    }

    /** Waits until {@code expected} records are stored; fails if {@code mirror} ends first or after {@code timeoutMillis}. */
    synchronized void await(long expected, Thread mirror, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (records < expected) {
            long left = deadline - System.currentTimeMillis();
            if (!mirror.isAlive() || left <= 0) {
                throw new IllegalStateException("The mirror stored " + records + " of " + expected + " records"
                        + (mirror.isAlive() ? " within " + timeoutMillis / 1000 + " s" : " and stopped") + "; events: " + events);
            }
            // Short waits, so a mirror thread that died is noticed without a notification.
            wait(Math.min(left, 100));
        }
    }

    synchronized long records() {
        return records;
    }

    synchronized List<DurableRange> ranges() {
        return List.copyOf(ranges);
    }
}
