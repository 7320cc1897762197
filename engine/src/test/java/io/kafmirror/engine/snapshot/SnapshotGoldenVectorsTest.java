package io.kafmirror.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed vectors decode to known values, re-encode byte for byte, and refuse every damage. */
class SnapshotGoldenVectorsTest {

    @Test
    void theTopicsVectorDecodesToItsValuesAndReencodesIdentically() {
        byte[] golden = golden(GoldenSnapshots.TOPICS);
        Snapshot<TopicsSnapshot> decoded = Snapshot.decode(GoldenSnapshots.TOPICS.key(), SnapshotKind.TOPICS, golden);
        assertThat(decoded).isEqualTo(GoldenSnapshots.TOPICS);
        TopicMetadata orders = decoded.body().topic("orders.v1").orElseThrow();
        assertThat(orders.partitions()).isEqualTo(12);
        assertThat(orders.configs().get("retention.ms").topicOverride()).isTrue();
        assertThat(orders.configs().get("cleanup.policy").topicOverride()).isFalse();
        assertThat(decoded.body().topic("payments").orElseThrow().configs().get("sasl.secret.example").value()).isNull();
        assertThat(decoded.encode()).isEqualTo(golden);
    }

    @Test
    void theGroupOffsetsVectorDecodesToItsValuesAndReencodesIdentically() {
        byte[] golden = golden(GoldenSnapshots.GROUP_OFFSETS);
        Snapshot<GroupOffsetsSnapshot> decoded = Snapshot.decode(GoldenSnapshots.GROUP_OFFSETS.key(), SnapshotKind.GROUP_OFFSETS, golden);
        assertThat(decoded).isEqualTo(GoldenSnapshots.GROUP_OFFSETS);
        assertThat(decoded.body().group("grüße-λ").orElseThrow().offsets().get(0).offset())
                .as("offsets beyond 2^53 stay exact").isEqualTo(9_007_199_254_740_993L);
        assertThat(decoded.body().group("billing").orElseThrow().offsets())
                .extracting(CommittedOffset::partition).containsExactly(2, 11, 0);
        assertThat(decoded.encode()).isEqualTo(golden);
    }

    @Test
    void everySingleBitFlipIsRefused() {
        for (Snapshot<?> snapshot : List.of(GoldenSnapshots.TOPICS, GoldenSnapshots.GROUP_OFFSETS)) {
            byte[] golden = golden(snapshot);
            List<String> accepted = new ArrayList<>();
            for (int i = 0; i < golden.length; i++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] damaged = golden.clone();
                    damaged[i] ^= (byte) (1 << bit);
                    try {
                        Snapshot.decode(snapshot.key(), snapshot.key().kind(), damaged);
                        accepted.add("bit " + bit + " of byte " + i + ": " + new String(damaged, StandardCharsets.UTF_8));
                    } catch (SnapshotFormatException e) {
                        assertThat(e).hasMessageStartingWith("Snapshot " + snapshot.key().value() + " ");
                    }
                }
            }
            assertThat(accepted).isEmpty();
        }
    }

    @Test
    void everyTruncationThatCutsContentIsRefused() {
        for (Snapshot<?> snapshot : List.of(GoldenSnapshots.TOPICS, GoldenSnapshots.GROUP_OFFSETS)) {
            byte[] golden = golden(snapshot);
            // The final line feed carries nothing; every shorter prefix loses part of the object.
            for (int length = 0; length < golden.length - 1; length++) {
                byte[] truncated = Arrays.copyOf(golden, length);
                assertThatThrownBy(() -> Snapshot.decode(snapshot.key(), snapshot.key().kind(), truncated))
                        .isInstanceOf(SnapshotFormatException.class)
                        .hasMessageContaining(snapshot.key().value());
            }
        }
    }

    static byte[] golden(Snapshot<?> snapshot) {
        String resource = GoldenSnapshots.resource(snapshot);
        try (InputStream in = SnapshotGoldenVectorsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
