package io.kafmirror.engine.mirror.fetch;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * Which transactional batches of one fetched partition were aborted, for read_committed. Follows kafka-clients'
 * consumer ({@code CompletedFetch}): a producer is aborted from the first offset of each of its aborted
 * transactions the broker listed up to its ABORT marker, and every transactional batch of it in that span is
 * dropped.
 */
final class AbortedTransactions {

    private final PriorityQueue<FetchResponseData.AbortedTransaction> pending =
            new PriorityQueue<>(Comparator.comparingLong(FetchResponseData.AbortedTransaction::firstOffset));
    private final Set<Long> abortedProducers = new HashSet<>();

    /** The transactions the broker listed as aborted in a partition's fetch response (null when it listed none). */
    AbortedTransactions(List<FetchResponseData.AbortedTransaction> listed) {
        if (listed != null) {
            pending.addAll(listed);
        }
    }

    /** Whether {@code batch}, the next batch of the partition in offset order, belongs to an aborted transaction. */
    boolean aborts(RecordBatch batch) {
        if (!batch.hasProducerId()) {
            return false;
        }
        while (!pending.isEmpty() && pending.peek().firstOffset() <= batch.lastOffset()) {
            abortedProducers.add(pending.poll().producerId());
        }
        if (isAbortMarker(batch)) {
            abortedProducers.remove(batch.producerId());
            return false;
        }
        return batch.isTransactional() && abortedProducers.contains(batch.producerId());
    }

    private static boolean isAbortMarker(RecordBatch batch) {
        if (!batch.isControlBatch()) {
            return false;
        }
        var records = batch.iterator();
        if (!records.hasNext()) {
            return false;
        }
        Record first = records.next();
        return ControlRecordType.parse(first.key()) == ControlRecordType.ABORT;
    }
}
