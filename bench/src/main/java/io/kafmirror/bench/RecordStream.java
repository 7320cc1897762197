package io.kafmirror.bench;

import io.kafmirror.kfs.format.KfsRecord;
import java.util.Iterator;
import java.util.Random;

/**
 * An endless record stream over a few partitions as a consumer sees it: runs of one partition at a time
 * (one fetch response each), offsets with occasional gaps (transaction markers, compaction) and CreateTime
 * timestamps that advance 0–3 ms per record and sometimes step back (producers' clocks differ). The caller
 * decides where it ends.
 */
final class RecordStream implements Iterator<PartitionRecord> {

    /** Makes the record stored at an offset with a CreateTime, drawing from the stream's random source. */
    @FunctionalInterface
    interface Events {
        /** The record at {@code offset} with CreateTime {@code timestamp}. */
        KfsRecord next(long offset, long timestamp);
    }

    private static final long START_MILLIS = 1_750_000_000_000L;
    private static final int MAX_RUN = 200;
    private static final double GAP_SHARE = 0.02;
    private static final double LATE_SHARE = 0.01;
    private static final int MAX_LATENESS = 100;

    private final Random random;
    private final Events events;
    private final int partitions;
    private final long[] nextOffset;
    private final long[] clock;
    private int partition;
    private int leftInRun;

    /** A stream over {@code partitions} drawing offsets, timestamps and, through {@code events}, records from {@code random}. */
    RecordStream(Random random, int partitions, Events events) {
        this.random = random;
        this.events = events;
        this.partitions = partitions;
        this.nextOffset = new long[partitions];
        this.clock = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            nextOffset[p] = random.nextInt(1_000_000);
            clock[p] = START_MILLIS;
        }
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public PartitionRecord next() {
        // The run is drawn when the previous one is used up, not ahead, so where the caller stops changes no earlier draw.
        if (leftInRun == 0) {
            partition = random.nextInt(partitions);
            leftInRun = 1 + random.nextInt(MAX_RUN);
        }
        leftInRun--;
        int p = partition;
        clock[p] += random.nextInt(4);
        long timestamp = random.nextDouble() < LATE_SHARE ? clock[p] - random.nextInt(MAX_LATENESS) : clock[p];
        KfsRecord r = events.next(nextOffset[p], timestamp);
        nextOffset[p] += random.nextDouble() < GAP_SHARE ? 2 + random.nextInt(3) : 1;
        return new PartitionRecord(p, r);
    }
}
