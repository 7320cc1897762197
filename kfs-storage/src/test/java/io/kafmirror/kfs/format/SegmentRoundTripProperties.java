package io.kafmirror.kfs.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SegmentRoundTripProperties {

    static final SegmentIdentity IDENTITY = new SegmentIdentity("prod-eu", "orders.v1", UUID.randomUUID(), "writer-1", 7);

    @Property(tries = 60)
    void everyRecordSurvivesByteForByte(@ForAll("logs") Map<Integer, List<KfsRecord>> logs,
                                        @ForAll SegmentCodec codec,
                                        @ForAll @IntRange(min = 64, max = 4096) int batchTarget,
                                        @ForAll @IntRange(min = 0, max = 2048) int indexInterval) {
        SealedSegment sealed = write(logs, new SegmentWriterConfig(codec, batchTarget, indexInterval));
        SegmentReader reader = SegmentReader.open(SegmentSource.of("round-trip.kfs", sealed.bytes()));

        assertThat(reader.footer()).isEqualTo(sealed.footer());
        assertThat(reader.footer().chunks()).extracting(ChunkEntry::partition).containsExactlyElementsOf(logs.keySet());
        for (var log : logs.entrySet()) {
            assertThat(reader.readChunk(log.getKey())).containsExactlyElementsOf(log.getValue());
        }
        assertThat(SegmentVerifier.verify(SegmentSource.of("round-trip.kfs", sealed.bytes())).sha256()).isEqualTo(sealed.sha256());
    }

    @Property(tries = 60)
    void rangedReadFromAnyOffsetReturnsTheSuffix(@ForAll("logs") Map<Integer, List<KfsRecord>> logs,
                                                 @ForAll @IntRange(min = 0, max = 10_000) int pick,
                                                 @ForAll @IntRange(min = -3, max = 3) int nudge) {
        SealedSegment sealed = write(logs, new SegmentWriterConfig(SegmentCodec.LZ4, 200, 100));
        SegmentReader reader = SegmentReader.open(SegmentSource.of("ranged.kfs", sealed.bytes()));
        for (var log : logs.entrySet()) {
            List<KfsRecord> records = log.getValue();
            long from = records.get(pick % records.size()).offset() + nudge;
            List<KfsRecord> expected = records.stream().filter(r -> r.offset() >= from).toList();
            assertThat(drain(reader.read(log.getKey(), from))).containsExactlyElementsOf(expected);
        }
    }

    @Provide
    Arbitrary<Map<Integer, List<KfsRecord>>> logs() {
        return Arbitraries.maps(Arbitraries.integers().between(0, 40), RecordArbitraries.partitionLog(80))
                .ofMinSize(1).ofMaxSize(4).map(TreeMap::new);
    }

    static SealedSegment write(Map<Integer, List<KfsRecord>> logs, SegmentWriterConfig config) {
        SegmentWriter writer = new SegmentWriter(IDENTITY, config, Map.of("writer", "kaf-mirror test"));
        int longest = logs.values().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (var log : logs.entrySet()) {
                if (i < log.getValue().size()) {
                    writer.append(log.getKey(), log.getValue().get(i));
                }
            }
        }
        return writer.seal(1_764_000_000_000L);
    }

    static List<KfsRecord> drain(Iterator<KfsRecord> it) {
        List<KfsRecord> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
