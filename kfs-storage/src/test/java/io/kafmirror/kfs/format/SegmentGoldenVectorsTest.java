package io.kafmirror.kfs.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The committed vectors decode to their JSON, so any other reader can prove conformance the same way. */
class SegmentGoldenVectorsTest {

    static Stream<String> vectorNames() {
        return GoldenVectors.vectors().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("vectorNames")
    void eachVectorDecodesToItsJson(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(GoldenVectors.DIRECTORY.resolve(name + ".kfs"));
        SegmentSource source = SegmentSource.of(name + ".kfs", bytes);
        SegmentVerifier.verify(source);
        SegmentReader reader = SegmentReader.open(source);
        Map<Integer, List<KfsRecord>> decoded = new TreeMap<>();
        reader.footer().chunks().forEach(c -> decoded.put(c.partition(), reader.readChunk(c.partition())));

        // Re-parsed so numbers compare by value, not by Jackson node type.
        var actual = GoldenVectors.JSON.readTree(GoldenVectors.JSON.writeValueAsString(
                GoldenVectors.toJson(reader.trailer().flags(), reader.footer(), decoded)));
        assertThat(actual).isEqualTo(GoldenVectors.read(GoldenVectors.DIRECTORY.resolve(name + ".json")));
    }

    @Test
    void theWriterReproducesTheUncompressedVectorByteForByte() throws IOException {
        String name = "three-partitions-uncompressed";
        byte[] committed = Files.readAllBytes(GoldenVectors.DIRECTORY.resolve(name + ".kfs"));
        assertThat(GoldenVectors.write(name, SegmentCodec.NONE).bytes()).isEqualTo(committed);
    }

    @Test
    void theSourceBatchesVectorCoversWhatTheSpecPromises() throws IOException {
        byte[] bytes = Files.readAllBytes(GoldenVectors.DIRECTORY.resolve(GoldenVectors.SOURCE_BATCHES + ".kfs"));
        SegmentReader reader = SegmentReader.open(SegmentSource.of(GoldenVectors.SOURCE_BATCHES, bytes));
        assertThat(reader.trailer().flags().sourceBatches()).isTrue();
        Set<CompressionType> codecs = EnumSet.noneOf(CompressionType.class);
        List<RecordBatch> batches = new ArrayList<>();
        for (ChunkEntry c : reader.footer().chunks()) {
            ByteBuffer chunk = ByteBuffer.wrap(bytes, (int) c.chunkPosition(), (int) c.chunkLength()).slice();
            MemoryRecords.readableRecords(chunk).batches().forEach(batches::add);
            List<Long> offsets = reader.readChunk(c.partition()).stream().map(KfsRecord::offset).toList();
            assertThat(offsets).as("partition %d covers offsets past its last record", c.partition()).doesNotContain(c.lastOffset());
            if (c.partition() == 1) {
                assertThat(offsets).as("and before its first record").doesNotContain(c.firstOffset());
            }
        }
        batches.forEach(b -> codecs.add(b.compressionType()));
        assertThat(codecs).containsExactlyInAnyOrder(CompressionType.values());
        assertThat(batches).anyMatch(RecordBatch::isTransactional)
                .anyMatch(b -> b.timestampType() == TimestampType.LOG_APPEND_TIME && b.partitionLeaderEpoch() == SourceBatches.LEADER_EPOCH)
                .anyMatch(b -> b.partitionLeaderEpoch() == RecordBatch.NO_PARTITION_LEADER_EPOCH);
        assertThat(reader.footer().chunks().get(1).firstOffset()).isEqualTo(1000);
        assertThat(reader.footer().chunks().get(0).lastOffset()).isEqualTo(25);
    }

    @Test
    void theVectorsCoverWhatTheSpecPromises() throws IOException {
        String json = Files.readString(Path.of("src/test/resources/golden/three-partitions-uncompressed.json"));
        assertThat(json).contains("LOG_APPEND_TIME").contains("\"key\" : null").contains("\"value\" : \"\"").contains("\"2\" : [");
        Map<Integer, List<KfsRecord>> logs = GoldenVectors.records(1);
        List<KfsRecord> log = logs.get(0);
        assertThat(log).anyMatch(r -> r.offset() > 0 && log.stream().noneMatch(o -> o.offset() == r.offset() - 1));
        assertThat(log).anyMatch(r -> log.indexOf(r) > 0 && r.timestamp() < log.get(log.indexOf(r) - 1).timestamp());
    }
}
