package io.kafmirror.engine.mirror.fetch;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.Records;
import org.apache.kafka.common.requests.FetchResponse;
import org.apache.kafka.common.utils.internals.BufferSupplier;

/**
 * The batches of one partition's fetch response that the engine stores, and the position after them. Follows
 * kafka-clients' consumer: nothing before the fetch position, no control batches, under read_committed no batch of
 * an aborted transaction; an incomplete last batch (cut by the size limits) is left for the next fetch. The
 * position moves past every complete batch the broker returned, handed on or not, so a fetch never repeats.
 *
 * @param batches    the batches to store, each one magic v2 batch, in offset order
 * @param nextOffset the position after this response
 */
record PartitionBatches(List<ByteBuffer> batches, long nextOffset) {

    /** Selects from {@code data}, fetched from {@code position} of {@code partition} (named in errors). */
    static PartitionBatches select(String partition, FetchResponseData.PartitionData data, long position,
                                   IsolationLevel isolation, BufferSupplier decompression) {
        Records records = FetchResponse.recordsOrFail(data);
        if (!(records instanceof MemoryRecords memory)) {
            throw new KafkaException("Fetch of " + partition + " returned records of an unexpected kind: "
                    + records.getClass().getName());
        }
        AbortedTransactions aborted = isolation == IsolationLevel.READ_COMMITTED
                ? new AbortedTransactions(data.abortedTransactions()) : null;
        List<ByteBuffer> out = new ArrayList<>();
        ByteBuffer all = memory.buffer();
        int at = all.position();
        long next = position;
        RebuiltBatch legacy = null;
        for (MutableRecordBatch batch : memory.batches()) {
            ByteBuffer bytes = all.duplicate().position(at).limit(at + batch.sizeInBytes()).slice();
            at += batch.sizeInBytes();
            boolean abortedBatch = aborted != null && aborted.aborts(batch);
            if (batch.lastOffset() < position) {
                continue;
            }
            next = Math.max(next, batch.nextOffset());
            if (abortedBatch || batch.isControlBatch()) {
                continue;
            }
            if (batch.magic() < RecordBatch.MAGIC_VALUE_V2) {
                if (legacy == null || !legacy.accepts(batch)) {
                    addIfAny(out, legacy);
                    legacy = RebuiltBatch.startingWith(batch);
                }
                legacy.add(batch, position, decompression);
                continue;
            }
            addIfAny(out, legacy);
            legacy = null;
            ensureValid(partition, batch);
            if (batch.baseOffset() < position) {
                RebuiltBatch tail = RebuiltBatch.startingWith(batch);
                tail.add(batch, position, decompression);
                addIfAny(out, tail);
            } else if (batch.countOrNull() == null || batch.countOrNull() > 0) {
                out.add(bytes);
            }
        }
        addIfAny(out, legacy);
        return new PartitionBatches(out, next);
    }

    private static void addIfAny(List<ByteBuffer> out, RebuiltBatch batch) {
        ByteBuffer built = batch == null ? null : batch.build();
        if (built != null) {
            out.add(built);
        }
    }

    /** A batch whose CRC fails is not stored: the consumer's check.crcs, always on here. */
    private static void ensureValid(String partition, RecordBatch batch) {
        try {
            batch.ensureValid();
        } catch (CorruptRecordException e) {
            throw new KafkaException("Record batch of " + partition + " at offset " + batch.baseOffset()
                    + " is invalid: " + e.getMessage(), e);
        }
    }
}
