package io.kafmirror.kfs.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Any log, cut into batches that are either built by the writer or stored verbatim as the source
 * served them (any codec, offset ranges wider than their records as after compaction), reads back
 * as a consumer would see it, and its time lookups stay exact.
 */
class SourceBatchProperties {

    @Property(tries = 80)
    void mixedChunksReadBackAndAnswerTimeLookupsExactly(@ForAll("partitionLog") List<KfsRecord> log,
                                                        @ForAll long seed,
                                                        @ForAll @IntRange(min = 0, max = 600) int indexInterval) {
        Random random = new Random(seed);
        SegmentWriter writer = new SegmentWriter(SegmentFidelityTest.ID,
                new SegmentWriterConfig(SegmentCodec.LZ4, 300, indexInterval), Map.of());
        List<KfsRecord> expected = new ArrayList<>();
        long coveredUpTo = Math.max(-1, log.get(0).offset() - 1 - random.nextInt(3));
        int i = 0;
        while (i < log.size()) {
            int end = Math.min(log.size(), i + 1 + random.nextInt(12));
            List<KfsRecord> group = log.subList(i, end);
            if (random.nextBoolean()) {
                group.forEach(r -> writer.append(4, r));
                expected.addAll(group);
                coveredUpTo = group.get(group.size() - 1).offset();
            } else {
                long nextRecord = end < log.size() ? log.get(end).offset() : group.get(group.size() - 1).offset() + 5;
                long base = between(random, coveredUpTo + 1, group.get(0).offset());
                long last = between(random, group.get(group.size() - 1).offset(), nextRecord - 1);
                SourceBatches batch = SourceBatches.createTime(random.nextBoolean() ? SegmentCodec.values()[random.nextInt(5)].compression()
                        : SegmentCodec.NONE.compression(), base).lastOffset(last);
                group.forEach(batch::add);
                writer.appendBatch(4, batch.build());
                expected.addAll(batch.consumed());
                coveredUpTo = last;
            }
            i = end;
        }
        SealedSegment sealed = writer.seal(1);
        SegmentReader reader = SegmentReader.open(SegmentSource.of("mixed.kfs", sealed.bytes()));

        assertThat(reader.readChunk(4)).containsExactlyElementsOf(expected);
        assertThat(sealed.footer().chunks().get(0).lastOffset()).isEqualTo(coveredUpTo);
        long from = expected.get(random.nextInt(expected.size())).offset() + random.nextInt(5) - 2;
        assertThat(SegmentRoundTripProperties.drain(reader.read(4, from)))
                .containsExactlyElementsOf(expected.stream().filter(r -> r.offset() >= from).toList());
        for (int t = 0; t < 5; t++) {
            long target = expected.get(random.nextInt(expected.size())).timestamp() + random.nextInt(3) - 1;
            assertThat(reader.offsetForTimestamp(4, target)).as("first offset at or after %d", target)
                    .isEqualTo(bruteForce(expected, target));
        }
        assertThat(SegmentVerifier.verify(SegmentSource.of("mixed.kfs", sealed.bytes())).sha256()).isEqualTo(sealed.sha256());
    }

    @Provide
    Arbitrary<List<KfsRecord>> partitionLog() {
        return RecordArbitraries.partitionLog(200);
    }

    private static long between(Random random, long from, long to) {
        return from + (long) (random.nextDouble() * (to - from + 1));
    }

    private static OptionalLong bruteForce(List<KfsRecord> log, long target) {
        return log.stream().filter(r -> r.timestamp() >= target).mapToLong(KfsRecord::offset).findFirst();
    }
}
