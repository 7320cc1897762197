package io.kafmirror.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The records every codec is measured with, generated once from a fixed seed: payment events in a
 * {@link RecordStream}, as a consumer sees them.
 */
final class BenchRecords {

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
        RecordStream records = new RecordStream(random, partitions, new PaymentEvents(random)::next);
        List<PartitionRecord> stream = new ArrayList<>();
        Tally tally = new Tally();
        while (tally.payloadBytes() < payloadBytes) {
            PartitionRecord r = records.next();
            stream.add(r);
            tally.add(r.record().key(), r.record().value(), r.record().headers());
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
