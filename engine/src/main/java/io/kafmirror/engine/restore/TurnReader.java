package io.kafmirror.engine.restore;

import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.KfsRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads the records of a plan on a thread of its own, a few turns ahead of the producer that sends them: segment reads,
 * CRC checks and decompression then overlap with the producer's batching and compression instead of adding to it (in
 * the restore benchmark they took about 40 % of the sending thread). A turn is up to {@value #TURN} records (or
 * {@value #TURN_BYTES} bytes) of one partition; partitions take turns, so all of them advance together.
 */
final class TurnReader implements AutoCloseable {

    /**
     * Records of one partition handed over together.
     *
     * @param partition the source partition
     * @param records   its next records, in offset order
     */
    record Turn(int partition, List<KfsRecord> records) {
    }

    /** Records of one partition in a turn, at most. */
    static final int TURN = 1_000;
    /** Bytes of key, value and headers in a turn, at most (but one record), so large records do not pile up. */
    static final int TURN_BYTES = 4 << 20;
    private static final int TURNS_AHEAD = 4;
    private static final long POLL_MILLIS = 100;
    private static final Object END = new Object();

    // Holds turns, then END, or what was thrown while reading (an Error too, so that the run cannot wait forever).
    private final BlockingQueue<Object> ahead = new ArrayBlockingQueue<>(TURNS_AHEAD);
    private final Thread thread;
    private volatile boolean closed;

    /** Starts reading the records of {@code plan} from {@code archive}. */
    TurnReader(SegmentArchive archive, RestorePlan plan) {
        Map<Integer, CutRecords> partitions = new LinkedHashMap<>();
        for (PartitionCut cut : plan.cuts()) {
            partitions.put(cut.partition(), new CutRecords(archive, cut, plan.request()));
        }
        this.thread = new Thread(() -> read(partitions), "kaf-mirror-restore-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next turn, empty once every record was handed out; a failure to read the backup is thrown here. */
    Optional<Turn> next() throws InterruptedException {
        Object next = ahead.take();
        if (next instanceof RuntimeException e) {
            throw e;
        }
        if (next instanceof Error e) {
            throw e;
        }
        return next == END ? Optional.empty() : Optional.of((Turn) next);
    }

    /** Stops reading and waits for the reading thread to end. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        // Not interrupted: an interrupt during a file read would close the channel under the store.
        thread.join();
    }

    private void read(Map<Integer, CutRecords> partitions) {
        try {
            while (!partitions.isEmpty()) {
                for (Iterator<Map.Entry<Integer, CutRecords>> it = partitions.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<Integer, CutRecords> p = it.next();
                    List<KfsRecord> records = new ArrayList<>();
                    long bytes = 0;
                    while (records.size() < TURN && bytes < TURN_BYTES && p.getValue().hasNext()) {
                        KfsRecord r = p.getValue().next();
                        records.add(r);
                        bytes += RestoreProgress.size(r);
                    }
                    if (!p.getValue().hasNext()) {
                        it.remove();
                    }
                    if (!records.isEmpty() && !handOver(new Turn(p.getKey(), records))) {
                        return;
                    }
                }
            }
            handOver(END);
        } catch (RuntimeException | Error e) {
            handOver(e);
        }
    }

    /** Queues {@code item} once there is room; false when the run closed this reader first. */
    private boolean handOver(Object item) {
        try {
            while (!closed) {
                if (ahead.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
