package io.kafmirror.kfs.format;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;

/** Generators of realistic partition logs: offset gaps, null and empty keys and values, headers, skewed clocks. */
final class RecordArbitraries {

    private RecordArbitraries() {
    }

    static Arbitrary<byte[]> nullableBytes(int maxSize) {
        Arbitrary<byte[]> empty = Arbitraries.just(new byte[0]);
        Arbitrary<byte[]> some = Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize);
        return Arbitraries.frequencyOf(Tuple.of(1, empty), Tuple.of(8, some)).injectNull(0.1);
    }

    static Arbitrary<Header[]> headers() {
        Arbitrary<Header> header = Combinators.combine(
                Arbitraries.strings().ofMinLength(0).ofMaxLength(12),
                nullableBytes(16)).as(RecordHeader::new);
        return header.array(Header[].class).ofMaxSize(3);
    }

    /** A partition log of up to {@code maxRecords}, starting at a random offset, in offset order. */
    static Arbitrary<List<KfsRecord>> partitionLog(int maxRecords) {
        Arbitrary<Long> startOffset = Arbitraries.longs().between(0, 1L << 40);
        Arbitrary<Long> startTime = Arbitraries.longs().between(1_500_000_000_000L, 1_900_000_000_000L);
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.frequency(Tuple.of(20, 1L), Tuple.of(2, 2L), Tuple.of(1, 1000L)),
                Arbitraries.longs().between(-5_000, 60_000),
                Arbitraries.of(TimestampType.CREATE_TIME, TimestampType.CREATE_TIME, TimestampType.CREATE_TIME, TimestampType.LOG_APPEND_TIME),
                nullableBytes(40),
                nullableBytes(300),
                headers()).as(Step::new);
        return Combinators.combine(startOffset, startTime, step.list().ofMinSize(1).ofMaxSize(maxRecords))
                .as((offset0, time0, steps) -> {
                    List<KfsRecord> records = new ArrayList<>(steps.size());
                    long offset = offset0;
                    long time = time0;
                    for (Step s : steps) {
                        offset += s.offsetGap();
                        time += s.timeDelta();
                        records.add(new KfsRecord(offset, time, s.type(), s.key(), s.value(), s.headers()));
                    }
                    return records;
                });
    }

    private record Step(long offsetGap, long timeDelta, TimestampType type, byte[] key, byte[] value, Header[] headers) {
    }
}
