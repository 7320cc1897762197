package io.kafmirror.bench;

import io.kafmirror.kfs.format.KfsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The records every codec is measured with, generated once from a fixed seed: a stream over a few
 * partitions as a consumer sees it, runs of one partition at a time (one fetch response each),
 * offsets with occasional gaps (transaction markers, compaction) and CreateTime timestamps that
 * sometimes step back (producers' clocks differ).
 */
final class BenchRecords {

    private static final long START_MILLIS = 1_750_000_000_000L;
    private static final int MAX_RUN = 200;
    private static final double GAP_SHARE = 0.02;
    private static final double LATE_SHARE = 0.01;

    private final List<PartitionRecord> stream;
    private final Tally tally;
    private final int partitions;

    private BenchRecords(List<PartitionRecord> stream, Tally tally, int partitions) {
        this.stream = List.copyOf(stream);
        this.tally = tally;
        this.partitions = partitions;
    }

    /** Generates records until their payload reaches {@code payloadBytes}. */
    static BenchRecords generate(long payloadBytes, int partitions, long seed) {
        Random random = new Random(seed);
        PaymentEvents events = new PaymentEvents(random);
        long[] nextOffset = new long[partitions];
        long[] clock = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            nextOffset[p] = random.nextInt(1_000_000);
            clock[p] = START_MILLIS;
        }
        List<PartitionRecord> stream = new ArrayList<>();
        Tally tally = new Tally();
        while (tally.payloadBytes() < payloadBytes) {
            int p = random.nextInt(partitions);
            int run = 1 + random.nextInt(MAX_RUN);
            for (int i = 0; i < run && tally.payloadBytes() < payloadBytes; i++) {
                clock[p] += random.nextInt(4);
                long timestamp = random.nextDouble() < LATE_SHARE ? clock[p] - random.nextInt(100) : clock[p];
                KfsRecord r = events.next(nextOffset[p], timestamp);
                nextOffset[p] += random.nextDouble() < GAP_SHARE ? 2 + random.nextInt(3) : 1;
                stream.add(new PartitionRecord(p, r));
                tally.add(r.key(), r.value(), r.headers());
            }
        }
        return new BenchRecords(stream, tally, partitions);
    }

    /** The records in consumer order. */
    List<PartitionRecord> stream() {
        return stream;
    }

    /** Their count and payload, which every reader must return again. */
    Tally tally() {
        return tally;
    }

    int partitions() {
        return partitions;
    }
}
