package io.kafmirror.kfs.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The writer's running total of buffered bytes stays what summing its chunks would give. */
class SegmentWriterBufferedBytesTest {

    @Test
    void runningTotalEqualsTheSumOverChunksAfterEveryAppend() {
        // Small batches, so batches close often and the total also falls (estimate replaced by compressed bytes).
        SegmentWriterConfig config = new SegmentWriterConfig(SegmentCodec.LZ4, 2048, 512);
        SegmentWriter writer = new SegmentWriter(SegmentFidelityTest.ID, config);
        Map<Integer, ChunkBuilder> mirror = new TreeMap<>();
        Random random = new Random(7);
        long[] offsets = new long[3];
        for (int i = 0; i < 2000; i++) {
            int partition = random.nextInt(3);
            byte[] value = new byte[random.nextInt(600)];
            random.nextBytes(value);
            KfsRecord r = KfsRecord.of(offsets[partition]++, 1_700_000_000_000L + i, null, value);
            writer.append(partition, r);
            mirror.computeIfAbsent(partition, p -> new ChunkBuilder(p, config)).append(r);
            assertThat(writer.bufferedBytes()).isEqualTo(mirror.values().stream().mapToLong(ChunkBuilder::bufferedBytes).sum());
        }
    }
}
