package io.kafmirror.kfs.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TimeIndexProperties {

    @Property(tries = 150)
    void offsetForTimestampEqualsABruteForceScan(@ForAll("partitionLog") List<KfsRecord> log,
                                                 @ForAll @IntRange(min = 0, max = 10_000) int pick,
                                                 @ForAll @IntRange(min = -2, max = 2) int nudge,
                                                 @ForAll @IntRange(min = 40, max = 2000) int batchTarget) {
        SealedSegment sealed = SegmentRoundTripProperties.write(Map.of(3, log),
                new SegmentWriterConfig(SegmentCodec.SNAPPY, batchTarget, 0));
        SegmentReader reader = SegmentReader.open(SegmentSource.of("time-index.kfs", sealed.bytes()));
        long target = log.get(pick % log.size()).timestamp() + nudge;

        assertThat(reader.offsetForTimestamp(3, target)).isEqualTo(bruteForce(log, target));
    }

    @Property(tries = 150)
    void cutAfterEqualsABruteForceScan(@ForAll("partitionLog") List<KfsRecord> log,
                                       @ForAll @IntRange(min = 0, max = 10_000) int pick,
                                       @ForAll @IntRange(min = -2, max = 2) int nudge,
                                       @ForAll @IntRange(min = 40, max = 2000) int batchTarget,
                                       @ForAll @IntRange(min = 0, max = 3000) int indexInterval) {
        SealedSegment sealed = SegmentRoundTripProperties.write(Map.of(3, log),
                new SegmentWriterConfig(SegmentCodec.LZ4, batchTarget, indexInterval));
        SegmentReader reader = SegmentReader.open(SegmentSource.of("time-cut.kfs", sealed.bytes()));
        long target = log.get(pick % log.size()).timestamp() + nudge;

        assertThat(reader.cutAfter(3, target)).isEqualTo(bruteForceCut(log, target));
        assertThat(reader.cutAfter(4, target)).isEmpty();
    }

    @Property(tries = 50)
    void timestampsBeyondEitherEndAreAnsweredExactly(@ForAll("partitionLog") List<KfsRecord> log) {
        SealedSegment sealed = SegmentRoundTripProperties.write(Map.of(0, log), new SegmentWriterConfig(SegmentCodec.NONE, 100, 0));
        SegmentReader reader = SegmentReader.open(SegmentSource.of("ends.kfs", sealed.bytes()));
        long min = log.stream().mapToLong(KfsRecord::timestamp).min().orElseThrow();
        long max = log.stream().mapToLong(KfsRecord::timestamp).max().orElseThrow();

        assertThat(reader.offsetForTimestamp(0, min - 1)).hasValue(log.get(0).offset());
        assertThat(reader.offsetForTimestamp(0, max + 1)).isEmpty();
        assertThat(reader.offsetForTimestamp(1, min)).isEmpty();
        assertThat(reader.cutAfter(0, min - 1)).hasValue(new TimeCut(log.get(0).offset(), 0));
        assertThat(reader.cutAfter(0, max)).isEmpty();
        assertThat(reader.cutAfter(0, Long.MAX_VALUE)).isEmpty();
    }

    @Provide
    Arbitrary<List<KfsRecord>> partitionLog() {
        return RecordArbitraries.partitionLog(300);
    }

    /** The first record later than {@code target} and how many come before it, by walking the whole log. */
    private static Optional<TimeCut> bruteForceCut(List<KfsRecord> log, long target) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).timestamp() > target) {
                return Optional.of(new TimeCut(log.get(i).offset(), i));
            }
        }
        return Optional.empty();
    }

    private static OptionalLong bruteForce(List<KfsRecord> log, long target) {
        return log.stream().filter(r -> r.timestamp() >= target).mapToLong(KfsRecord::offset).findFirst();
    }
}
