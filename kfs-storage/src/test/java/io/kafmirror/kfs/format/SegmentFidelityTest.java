package io.kafmirror.kfs.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The awkward records a real topic holds come back exactly, with every codec. */
class SegmentFidelityTest {

    static final SegmentIdentity ID = new SegmentIdentity("prod", "payments", UUID.randomUUID(), "w1", 0);

    @ParameterizedTest
    @EnumSource(SegmentCodec.class)
    void awkwardRecordsSurviveEveryCodec(SegmentCodec codec) {
        byte[] large = new byte[6 * 1024 * 1024 + 17];
        new Random(42).nextBytes(large);
        Header[] headers = {new RecordHeader("trace-id", new byte[] {1, 2, 3}), new RecordHeader("empty", new byte[0]),
                new RecordHeader("null-valued", (byte[]) null), new RecordHeader("trace-id", new byte[] {4})};
        List<KfsRecord> log = List.of(
                new KfsRecord(0, 1_700_000_000_000L, TimestampType.CREATE_TIME, null, null, null),
                new KfsRecord(1, 1_700_000_000_000L, TimestampType.CREATE_TIME, new byte[0], new byte[0], headers),
                new KfsRecord(7, 1_600_000_000_000L, TimestampType.CREATE_TIME, "k".getBytes(), large, headers),
                new KfsRecord(8, 1_700_000_000_500L, TimestampType.LOG_APPEND_TIME, "k".getBytes(), "v1".getBytes(), null),
                new KfsRecord(9, 1_700_000_000_500L, TimestampType.LOG_APPEND_TIME, null, "v2".getBytes(), null),
                new KfsRecord(12, 1_700_000_000_900L, TimestampType.LOG_APPEND_TIME, null, "v3".getBytes(), null),
                new KfsRecord(Long.MAX_VALUE - 1, KfsRecord.NO_TIMESTAMP, TimestampType.CREATE_TIME, "far".getBytes(), null, null));
        SegmentWriter writer = new SegmentWriter(ID, SegmentWriterConfig.DEFAULT.withCodec(codec));
        log.forEach(r -> writer.append(5, r));
        SealedSegment sealed = writer.seal(1);

        SegmentReader reader = SegmentReader.open(SegmentSource.of("fidelity.kfs", sealed.bytes()));
        assertThat(reader.readChunk(5)).containsExactlyElementsOf(log);
        assertThat(SegmentRoundTripProperties.drain(reader.read(5, 8))).containsExactlyElementsOf(log.subList(3, 7));
        assertThat(reader.footer().codec()).isEqualTo(codec);
        assertThat(SegmentVerifier.verify(SegmentSource.of("fidelity.kfs", sealed.bytes())).sha256()).isEqualTo(sealed.sha256());
    }

    @Test
    void offsetsThatGoBackwardsAreRefusedWithTheirPartition() {
        SegmentWriter writer = new SegmentWriter(ID, SegmentWriterConfig.DEFAULT);
        writer.append(2, KfsRecord.of(10, 1, null, null));
        assertThatThrownBy(() -> writer.append(2, KfsRecord.of(10, 2, null, null)))
                .hasMessageContaining("Partition 2").hasMessageContaining("offset 10 is not after the previous offset 10");
    }

    @Test
    void timestampsKafkaCannotHoldAreRefused() {
        assertThatThrownBy(() -> KfsRecord.of(4, -5, null, null)).hasMessageContaining("offset 4 has timestamp -5");
    }

    @Test
    void anEmptySegmentCannotBeSealed() {
        assertThatThrownBy(() -> new SegmentWriter(ID, SegmentWriterConfig.DEFAULT).seal(1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least one record");
    }

    @Test
    void namesThatCannotBeKeysAreRefused() {
        assertThatThrownBy(() -> new SegmentIdentity("prod", "orders/../../etc", UUID.randomUUID(), "w", 0))
                .hasMessageContaining("Invalid topic name 'orders/../../etc'");
        assertThatThrownBy(() -> new SegmentWriter(ID, SegmentWriterConfig.DEFAULT, Map.of()).append(-1, KfsRecord.of(0, 0, null, null)))
                .hasMessageContaining("Partition must not be negative");
    }
}
