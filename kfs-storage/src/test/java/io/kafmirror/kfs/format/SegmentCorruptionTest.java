package io.kafmirror.kfs.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of damage a stored object can suffer yields a clear error, never wrong data. */
class SegmentCorruptionTest {

    static final String NAME = "clusters/prod/topics/orders/2026/11/25/09/seg.kfs";
    static byte[] good;
    static SegmentFooter footer;

    @BeforeAll
    static void writeReferenceSegment() {
        Map<Integer, List<KfsRecord>> logs = new TreeMap<>();
        for (int p = 0; p < 2; p++) {
            List<KfsRecord> log = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                log.add(KfsRecord.of(100 + 3L * i, 1_700_000_000_000L + 1000L * i,
                        ("key-" + i).getBytes(StandardCharsets.UTF_8), ("value of record " + i).getBytes(StandardCharsets.UTF_8)));
            }
            logs.put(p, log);
        }
        SealedSegment sealed = SegmentRoundTripProperties.write(logs, new SegmentWriterConfig(SegmentCodec.ZSTD, 300, 200));
        good = sealed.bytes();
        footer = sealed.footer();
    }

    static Stream<Arguments> segments() {
        return Stream.of(Arguments.of("built batches", good), Arguments.of("source batches", withSourceBatches()));
    }

    /** Both partitions mix built batches with source batches of every codec, so the segment has the SOURCE_BATCHES flag. */
    static byte[] withSourceBatches() {
        SegmentWriter writer = new SegmentWriter(SegmentFidelityTest.ID, new SegmentWriterConfig(SegmentCodec.ZSTD, 300, 200));
        for (int p = 0; p < 2; p++) {
            writer.append(p, KfsRecord.of(p, 1_700_000_000_000L, "built".getBytes(StandardCharsets.UTF_8), null));
            for (SourceBatches b : SourceBatchSegmentTest.SOURCE) {
                writer.appendBatch(p, b.build());
            }
            writer.append(p, KfsRecord.of(60, 1_700_000_000_000L, null, "built after".getBytes(StandardCharsets.UTF_8)));
        }
        return writer.seal(1).bytes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("segments")
    void everySingleByteFlipIsDetectedAndLocated(String kind, byte[] object) {
        for (int at = 0; at < object.length; at++) {
            byte[] bad = object.clone();
            bad[at] ^= 0x10;
            CorruptSegmentException e = catchThrowableOfType(CorruptSegmentException.class,
                    () -> SegmentVerifier.verify(SegmentSource.of(NAME, bad)));
            assertThat(e).as("flip at byte %d of %s", at, partAt(object, at)).isNotNull();
            assertThat(e.part()).as("flip at byte %d", at).isEqualTo(partAt(object, at));
            assertThat(e.getMessage()).contains(NAME).contains(e.part()).contains("at byte " + e.position());
        }
    }

    @Test
    void aFlippedChunkByteFailsBothWholeAndRangedReads() {
        ChunkEntry chunk = footer.chunks().get(1);
        byte[] bad = good.clone();
        bad[(int) (chunk.chunkPosition() + chunk.chunkLength() - 5)] ^= 1;
        SegmentReader reader = SegmentReader.open(SegmentSource.of(NAME, bad));

        assertThatThrownBy(() -> reader.readChunk(1)).isInstanceOf(CorruptSegmentException.class)
                .hasMessageContaining("chunk of partition 1").hasMessageContaining("CRC32C mismatch");
        assertThatThrownBy(() -> SegmentRoundTripProperties.drain(reader.read(1, chunk.firstOffset())))
                .isInstanceOf(CorruptSegmentException.class).hasMessageContaining("index interval")
                .hasMessageMatching(".*index interval starting at offset \\d+:.*");
        assertThat(reader.readChunk(0)).hasSize(40);
    }

    @Test
    void aFlippedIndexByteFailsTimeAndOffsetLookups() {
        ChunkEntry chunk = footer.chunks().get(0);
        byte[] bad = good.clone();
        bad[(int) chunk.indexPosition() + 3] ^= 1;
        SegmentReader reader = SegmentReader.open(SegmentSource.of(NAME, bad));

        assertThatThrownBy(() -> reader.offsetForTimestamp(0, 1_700_000_010_000L)).isInstanceOf(CorruptSegmentException.class)
                .hasMessageContaining("index of partition 0");
        assertThatThrownBy(() -> reader.read(0, 150)).isInstanceOf(CorruptSegmentException.class);
    }

    @Test
    void everyTruncationIsReportedAsCorrupt() {
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThatThrownBy(() -> SegmentVerifier.verify(SegmentSource.of(NAME, cut)))
                    .as("truncated to %d bytes", length).isInstanceOf(CorruptSegmentException.class);
        }
        byte[] cut = Arrays.copyOf(good, good.length - 1);
        assertThatThrownBy(() -> SegmentReader.open(SegmentSource.of(NAME, cut)))
                .hasMessageContaining("truncated");
    }

    @Test
    void anObjectThatIsNoSegmentSaysSo() {
        byte[] text = "{\"this\": \"is a JSON file that someone put in the bucket by mistake\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SegmentReader.open(SegmentSource.of("notes.json", text)))
                .isInstanceOf(CorruptSegmentException.class).hasMessageContaining("not a .kfs segment").hasMessageContaining("notes.json");

        byte[] wrongMagic = good.clone();
        wrongMagic[1] = 'X';
        assertThatThrownBy(() -> SegmentVerifier.verify(SegmentSource.of(NAME, wrongMagic)))
                .hasMessageContaining("header").hasMessageContaining("wrong magic");
    }

    @Test
    void aSegmentFromAFutureVersionAsksForAnUpgrade() {
        byte[] future = good.clone();
        ByteBuffer.wrap(future).putShort(future.length - SegmentTrailer.LENGTH + SegmentTrailer.VERSION_OFFSET, (short) 2);
        assertThatThrownBy(() -> SegmentReader.open(SegmentSource.of(NAME, future)))
                .isInstanceOf(UnsupportedFormatVersionException.class)
                .hasMessageContaining("format version 2 is not supported").hasMessageContaining("Upgrade kaf-mirror");

        byte[] futureHeader = good.clone();
        ByteBuffer.wrap(futureHeader).putShort(SegmentHeader.VERSION_OFFSET, (short) 9);
        assertThatThrownBy(() -> SegmentVerifier.verify(SegmentSource.of(NAME, futureHeader)))
                .isInstanceOf(UnsupportedFormatVersionException.class).hasMessageContaining("version 9");
    }

    private static String partAt(byte[] object, long at) {
        if (at < SegmentHeader.LENGTH) {
            return "header";
        }
        if (at >= object.length - SegmentTrailer.LENGTH) {
            return "trailer";
        }
        SegmentReader reader = SegmentReader.open(SegmentSource.of(NAME, object));
        if (at >= reader.trailer().footerPosition()) {
            return "footer";
        }
        for (ChunkEntry c : reader.footer().chunks()) {
            if (at >= c.chunkPosition() && at < c.chunkPosition() + c.chunkLength()) {
                return "chunk of partition " + c.partition();
            }
            if (at >= c.indexPosition() && at < c.indexPosition() + c.indexLength()) {
                return "index of partition " + c.partition();
            }
        }
        throw new AssertionError("byte " + at + " belongs to no part");
    }
}
