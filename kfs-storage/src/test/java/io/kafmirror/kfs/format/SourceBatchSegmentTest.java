package io.kafmirror.kfs.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.DefaultRecordBatch;
import org.apache.kafka.common.record.internal.EndTransactionMarker;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;

/** Record batches stored verbatim from the source come back as a consumer sees them, and their bytes stay the source's. */
class SourceBatchSegmentTest {

    static final String NAME = "segments/prod/orders/2026/11/25/09/source-batches.kfs";
    static final long T = 1_764_061_980_000L;

    /** Partition 0 of the mixed segment: built and source batches of every codec, in offset order. */
    static final List<SourceBatches> SOURCE = List.of(
            SourceBatches.createTime(Compression.gzip().build(), 10)
                    .add(10, T + 500, "k10", "gzip").add(11, T + 100, null, "earlier").add(12, T + 900, "k12", null),
            SourceBatches.createTime(Compression.lz4().build(), 20).transactional(4242, (short) 3, 17)
                    .add(20, T + 1000, "tx", "in a committed transaction").add(21, T + 1001, "tx", ""),
            SourceBatches.createTime(Compression.snappy().build(), 30).lastOffset(39)
                    .add(32, T + 1100, "kept", "compaction removed 30, 31 and 36..39").add(35, T + 1050, "kept", "too"),
            SourceBatches.logAppendTime(Compression.NONE, 40, T + 2000)
                    .add(40, T + 5, "lat", "broker time").add(41, T + 6, "lat", "broker time too"),
            SourceBatches.createTime(Compression.zstd().build(), 50)
                    .add(50, T + 3000, "z", "zstd").add(52, T + 2500, "z", "gap before"));

    @Test
    void sourceBatchesOfEveryCodecMixedWithBuiltBatchesReadBackAsAConsumerSeesThem() {
        List<KfsRecord> expected = new ArrayList<>();
        SegmentWriter writer = writer(SegmentCodec.ZSTD);
        expected.addAll(appendRecords(writer, 0, 1, 9));
        append(writer, expected, SOURCE.get(0));
        expected.addAll(appendRecords(writer, 0, 13, 15));
        append(writer, expected, SOURCE.get(1));
        append(writer, expected, SOURCE.get(2));
        append(writer, expected, SOURCE.get(3));
        expected.addAll(appendRecords(writer, 0, 45, 46));
        append(writer, expected, SOURCE.get(4));
        SealedSegment sealed = writer.seal(T + 9000);

        SegmentReader reader = SegmentReader.open(SegmentSource.of(NAME, sealed.bytes()));
        assertThat(reader.readChunk(0)).containsExactlyElementsOf(expected);
        assertThat(SegmentRoundTripProperties.drain(reader.read(0, 33)))
                .containsExactlyElementsOf(expected.stream().filter(r -> r.offset() >= 33).toList());
        assertThat(reader.footer().codec()).isEqualTo(SegmentCodec.ZSTD);
        assertThat(reader.footer().recordCount()).isEqualTo(expected.size());
        ChunkEntry chunk = reader.footer().chunks().get(0);
        assertThat(chunk.minTimestamp()).isEqualTo(expected.stream().mapToLong(KfsRecord::timestamp).min().orElseThrow());
        assertThat(chunk.maxTimestamp()).isEqualTo(T + 3000);
        assertThat(SegmentVerifier.verify(SegmentSource.of(NAME, sealed.bytes())).sha256()).isEqualTo(sealed.sha256());
    }

    @Test
    void storedBatchesAreTheSourceBytesByteForByte() {
        SegmentWriter writer = writer(SegmentCodec.NONE);
        List<byte[]> sent = new ArrayList<>();
        for (SourceBatches b : SOURCE) {
            ByteBuffer batch = b.build();
            sent.add(bytes(batch));
            writer.appendBatch(3, batch);
            assertThat(batch.position()).as("the caller's buffer is left as it was").isZero();
        }
        byte[] object = writer.seal(T).bytes();

        ChunkEntry chunk = SegmentReader.open(SegmentSource.of(NAME, object)).footer().chunks().get(0);
        int at = (int) chunk.chunkPosition();
        for (byte[] batch : sent) {
            assertThat(Arrays.copyOfRange(object, at, at + batch.length)).isEqualTo(batch);
            at += batch.length;
        }
        assertThat(at).isEqualTo(chunk.chunkPosition() + chunk.chunkLength());
    }

    @Test
    void aCompactedBatchKeepsItsOffsetRangeInTheDirectory() {
        ByteBuffer compacted = SOURCE.get(2).build();
        DefaultRecordBatch header = (DefaultRecordBatch) MemoryRecords.readableRecords(compacted.duplicate()).batches().iterator().next();
        assertThat(header.baseOffset()).isEqualTo(30);
        assertThat(header.lastOffset()).as("the builder keeps the overridden last offset").isEqualTo(39);

        SegmentWriter writer = writer(SegmentCodec.LZ4);
        writer.appendBatch(0, compacted);
        assertThatThrownBy(() -> writer.append(0, KfsRecord.of(39, T, null, null)))
                .hasMessageContaining("Partition 0").hasMessageContaining("offset 39 is not after the previous offset 39");
        writer.append(0, KfsRecord.of(40, T + 2000, null, "after the compacted range".getBytes()));
        SealedSegment sealed = writer.seal(T);

        ChunkEntry chunk = sealed.footer().chunks().get(0);
        assertThat(chunk.firstOffset()).isEqualTo(30);
        assertThat(chunk.lastOffset()).isEqualTo(40);
        assertThat(chunk.recordCount()).isEqualTo(3);
        SegmentReader reader = SegmentReader.open(SegmentSource.of(NAME, sealed.bytes()));
        assertThat(SegmentRoundTripProperties.drain(reader.read(0, 30))).extracting(KfsRecord::offset).containsExactly(32L, 35L, 40L);
        assertThat(SegmentRoundTripProperties.drain(reader.read(0, 36))).extracting(KfsRecord::offset).containsExactly(40L);
        SegmentVerifier.verify(SegmentSource.of(NAME, sealed.bytes()));

        SegmentWriter endsCompacted = writer(SegmentCodec.LZ4);
        endsCompacted.appendBatch(0, SOURCE.get(2).build());
        assertThat(endsCompacted.seal(T).footer().chunks().get(0).lastOffset()).as("covers past its last record").isEqualTo(39);
    }

    @Test
    void theFlagIsSetOnlyWhenASourceBatchWasAppended() {
        SegmentWriter records = writer(SegmentCodec.ZSTD);
        appendRecords(records, 0, 1, 5);
        byte[] plain = records.seal(T).bytes();
        assertThat(headerFlags(plain)).isZero();
        assertThat(trailerFlags(plain)).isZero();

        SegmentWriter mixed = writer(SegmentCodec.ZSTD);
        appendRecords(mixed, 0, 1, 5);
        mixed.appendBatch(1, SOURCE.get(0).build());
        byte[] flagged = mixed.seal(T).bytes();
        assertThat(headerFlags(flagged)).isEqualTo(SegmentFlags.SOURCE_BATCHES);
        assertThat(trailerFlags(flagged)).isEqualTo(SegmentFlags.SOURCE_BATCHES);

        SegmentWriter refusedOnly = writer(SegmentCodec.ZSTD);
        appendRecords(refusedOnly, 0, 1, 5);
        assertThatThrownBy(() -> refusedOnly.appendBatch(1, controlBatch())).isInstanceOf(IllegalArgumentException.class);
        SealedSegment sealed = refusedOnly.seal(T);
        assertThat(trailerFlags(sealed.bytes())).as("a refused batch sets no flag").isZero();
        assertThat(sealed.footer().chunks()).as("nor leaves an empty chunk").extracting(ChunkEntry::partition).containsExactly(0);
    }

    @Test
    void bufferedBytesAndRecordCountIncludeSourceBatches() {
        SegmentWriter writer = writer(SegmentCodec.GZIP);
        ByteBuffer first = SOURCE.get(0).build();
        ByteBuffer second = SOURCE.get(1).build();
        writer.appendBatch(0, first);
        assertThat(writer.bufferedBytes()).isEqualTo(first.remaining());
        writer.appendBatch(1, second);
        assertThat(writer.bufferedBytes()).isEqualTo(first.remaining() + second.remaining());
        appendRecords(writer, 1, 22, 24);
        assertThat(writer.recordCount()).isEqualTo(3 + 2 + 3);
        assertThat(writer.bufferedBytes()).isGreaterThan(first.remaining() + second.remaining());
        assertThat(writer.seal(T).footer().recordCount()).isEqualTo(8);
    }

    @Test
    void batchesASegmentCannotHoldAreRefusedWithTheirReason() {
        SegmentWriter writer = writer(SegmentCodec.ZSTD);
        assertThatThrownBy(() -> writer.appendBatch(2, controlBatch()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Partition 2").hasMessageContaining("control batch");

        ByteBuffer damaged = SOURCE.get(0).build();
        damaged.put(damaged.limit() - 3, (byte) (damaged.get(damaged.limit() - 3) ^ 1));
        assertThatThrownBy(() -> writer.appendBatch(2, damaged))
                .hasMessageContaining("Partition 2").hasMessageContaining("offsets 10..12 is damaged").hasMessageContaining("stored crc");

        ByteBuffer empty = ByteBuffer.allocate(DefaultRecordBatch.RECORD_BATCH_OVERHEAD);
        DefaultRecordBatch.writeEmptyHeader(empty, RecordBatch.MAGIC_VALUE_V2, 4242, (short) 3, 17, 60, 64, SourceBatches.LEADER_EPOCH,
                TimestampType.CREATE_TIME, T, false, false);
        empty.flip();
        assertThatThrownBy(() -> writer.appendBatch(2, empty)).hasMessageContaining("offsets 60..64 holds no records");

        ByteBuffer legacy = MemoryRecords.withRecords(RecordBatch.MAGIC_VALUE_V1, 0, Compression.NONE, new SimpleRecord(T, "v".getBytes())).buffer();
        assertThatThrownBy(() -> writer.appendBatch(2, legacy)).hasMessageContaining("magic 1 is not Kafka's v2");

        ByteBuffer two = ByteBuffer.allocate(4096);
        two.put(SOURCE.get(0).build()).put(SOURCE.get(1).build()).flip();
        assertThatThrownBy(() -> writer.appendBatch(2, two)).hasMessageContaining("pass exactly one whole batch");
        assertThatThrownBy(() -> writer.appendBatch(2, ByteBuffer.allocate(12))).hasMessageContaining("shorter than a batch header");

        writer.appendBatch(2, SOURCE.get(1).build());
        assertThatThrownBy(() -> writer.appendBatch(2, SOURCE.get(0).build()))
                .hasMessageContaining("Partition 2: record batch at offsets 10..12 does not start after the previous offset 21");
        assertThatThrownBy(() -> writer.append(2, KfsRecord.of(21, T, null, null)))
                .hasMessageContaining("offset 21 is not after the previous offset 21");
        assertThat(writer.seal(T).footer().recordCount()).isEqualTo(2);
    }

    @Test
    void readersAcceptOtherCodecsAndTransactionsOnlyUnderTheFlag() {
        SegmentWriter writer = writer(SegmentCodec.LZ4);
        writer.appendBatch(0, SOURCE.get(1).build());
        byte[] unflagged = withFlags(writer.seal(T).bytes(), (short) 0);
        assertThatThrownBy(() -> SegmentReader.open(SegmentSource.of(NAME, unflagged)).readChunk(0))
                .isInstanceOf(CorruptSegmentException.class).hasMessageContaining("chunk of partition 0")
                .hasMessageContaining("transactional record batch in a segment without source batches");

        SegmentWriter gzip = writer(SegmentCodec.LZ4);
        gzip.appendBatch(0, SOURCE.get(0).build());
        byte[] otherCodec = withFlags(gzip.seal(T).bytes(), (short) 0);
        assertThatThrownBy(() -> SegmentVerifier.verify(SegmentSource.of(NAME, otherCodec)))
                .hasMessageContaining("record batch compression gzip differs from the segment's LZ4");

        byte[] future = withFlags(gzip.seal(T).bytes(), (short) 0x0003);
        assertThatThrownBy(() -> SegmentReader.open(SegmentSource.of(NAME, future)))
                .isInstanceOf(CorruptSegmentException.class).hasMessageContaining("trailer").hasMessageContaining("unknown flags 0x0003");
    }

    @Test
    void headerAndTrailerFlagsMustAgree() {
        SegmentWriter writer = writer(SegmentCodec.LZ4);
        writer.appendBatch(0, SOURCE.get(4).build());
        byte[] bad = writer.seal(T).bytes();
        bad[bad.length - SegmentTrailer.LENGTH + SegmentTrailer.FLAGS_OFFSET + 1] ^= 1;

        CorruptSegmentException e = catchThrowableOfType(CorruptSegmentException.class,
                () -> SegmentVerifier.verify(SegmentSource.of(NAME, bad)));
        assertThat(e.part()).isEqualTo("trailer");
        assertThat(e.position()).isEqualTo(bad.length - SegmentTrailer.LENGTH + SegmentTrailer.FLAGS_OFFSET);
        assertThat(e).hasMessageContaining("flags 0x0000 differ from the header's 0x0001");
    }

    @Test
    void aControlBatchInAChunkIsCorruptionEvenUnderTheFlag() {
        byte[] control = bytes(controlBatch());
        ChunkEntry chunk = new ChunkEntry(0, 22, 22, 1, T, T, 16, control.length, 0, 16 + control.length, IndexEntry.LENGTH, 0);
        BatchDecoder decoder = new BatchDecoder(NAME, chunk, SegmentCodec.NONE, SegmentFlags.WITH_SOURCE_BATCHES);
        assertThatThrownBy(() -> decoder.batches(control, 0, control.length, 0))
                .isInstanceOf(CorruptSegmentException.class).hasMessageContaining("chunk of partition 0 at byte 16")
                .hasMessageContaining("control record batch");
    }

    private static SegmentWriter writer(SegmentCodec codec) {
        return new SegmentWriter(SegmentFidelityTest.ID, new SegmentWriterConfig(codec, 200, 64), Map.of());
    }

    /** Appends CreateTime records at offsets {@code from..to} and returns them. */
    private static List<KfsRecord> appendRecords(SegmentWriter writer, int partition, long from, long to) {
        List<KfsRecord> records = new ArrayList<>();
        for (long o = from; o <= to; o++) {
            KfsRecord r = KfsRecord.of(o, T + 10 * o, ("key-" + o).getBytes(), ("built record " + o).getBytes());
            writer.append(partition, r);
            records.add(r);
        }
        return records;
    }

    private static void append(SegmentWriter writer, List<KfsRecord> expected, SourceBatches batch) {
        writer.appendBatch(0, batch.build());
        expected.addAll(batch.consumed());
    }

    static ByteBuffer controlBatch() {
        return MemoryRecords.withEndTransactionMarker(22, T, SourceBatches.LEADER_EPOCH, 4242, (short) 3,
                new EndTransactionMarker(ControlRecordType.COMMIT, 0)).buffer();
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return bytes;
    }

    private static short headerFlags(byte[] object) {
        return ByteBuffer.wrap(object).getShort(SegmentHeader.FLAGS_OFFSET);
    }

    private static short trailerFlags(byte[] object) {
        return ByteBuffer.wrap(object).getShort(object.length - SegmentTrailer.LENGTH + SegmentTrailer.FLAGS_OFFSET);
    }

    /** The object with {@code flags} in header (CRC recomputed) and trailer, as if written so. */
    private static byte[] withFlags(byte[] object, short flags) {
        byte[] copy = object.clone();
        ByteBuffer b = ByteBuffer.wrap(copy);
        b.putShort(SegmentHeader.FLAGS_OFFSET, flags);
        b.putInt(SegmentHeader.CRC_OFFSET, Crc32c.of(copy, 0, SegmentHeader.CRC_OFFSET));
        b.putShort(copy.length - SegmentTrailer.LENGTH + SegmentTrailer.FLAGS_OFFSET, flags);
        return copy;
    }
}
