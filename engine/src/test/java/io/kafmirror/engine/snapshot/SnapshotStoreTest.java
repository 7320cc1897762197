package io.kafmirror.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.kfs.store.ByteSource;
import io.kafmirror.kfs.store.KeyAlreadyExistsException;
import io.kafmirror.kfs.store.KeyNotFoundException;
import io.kafmirror.kfs.store.LocalSegmentStore;
import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.PutOptions;
import io.kafmirror.kfs.store.RetentionMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing snapshots into a real local store and reading them back, intact or damaged. */
class SnapshotStoreTest {

    private static final Instant T = Instant.parse("2026-11-25T09:13:07.120Z");
    private static final TopicsSnapshot TOPICS = new TopicsSnapshot(List.of(
            new TopicMetadata("orders", UUID.randomUUID(), 3, 1, Map.of())));

    @TempDir
    Path root;
    LocalSegmentStore store;
    SnapshotWriter writer;
    SnapshotReader reader;

    @BeforeEach
    void openStore() {
        store = new LocalSegmentStore(root);
        writer = new SnapshotWriter(store, "prod-eu", "w1", at -> ObjectRetention.NONE);
        reader = new SnapshotReader(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aWrittenSnapshotReadsBackWithItsMetadataAndRetention() {
        SnapshotWriter locking = new SnapshotWriter(store, "prod-eu", "w1",
                at -> ObjectRetention.of(RetentionMode.GOVERNANCE, at.plus(Duration.ofDays(30))));
        Snapshot<TopicsSnapshot> written = locking.write(TOPICS, T);

        assertThat(written.key().value()).isEqualTo("snapshots/prod-eu/topics/2026/11/25/09/20261125T091307.120Z-w1.json");
        assertThat(reader.read(written.key(), SnapshotKind.TOPICS)).isEqualTo(written);
        assertThat(store.head(written.key().value()).metadata()).containsEntry("kfs-snapshot-kind", "topics")
                .containsEntry("kfs-snapshot-version", "1")
                .containsEntry("kfs-sha256", CanonicalJson.sha256(written.encode()));
        assertThat(store.retention(written.key().value()).retention())
                .isEqualTo(ObjectRetention.of(RetentionMode.GOVERNANCE, T.plus(Duration.ofDays(30))));
    }

    @Test
    void aWriterNeverReusesAMillisecondForOneKind() {
        Snapshot<TopicsSnapshot> first = writer.write(TOPICS, T);
        Snapshot<TopicsSnapshot> sameMillisecond = writer.write(TOPICS, T.plusNanos(400_000));
        Snapshot<TopicsSnapshot> clockWentBack = writer.write(TOPICS, T.minusSeconds(5));
        Snapshot<GroupOffsetsSnapshot> otherKind = writer.write(new GroupOffsetsSnapshot(List.of()), T);

        assertThat(List.of(first, sameMillisecond, clockWentBack)).extracting(s -> s.key().takenAt())
                .containsExactly(T, T.plusMillis(1), T.plusMillis(2));
        assertThat(otherKind.key().takenAt()).isEqualTo(T);
    }

    @Test
    void aRetryThatFindsItsOwnEarlierAttemptSucceedsButAnotherWritersObjectIsNeverReplaced() {
        Snapshot<TopicsSnapshot> first = writer.write(TOPICS, T);
        // A second writer object with the same id stands for this writer after a lost answer.
        SnapshotWriter again = new SnapshotWriter(store, "prod-eu", "w1", at -> ObjectRetention.NONE);
        assertThat(again.write(TOPICS, T)).isEqualTo(first);

        SnapshotWriter impostor = new SnapshotWriter(store, "prod-eu", "w1", at -> ObjectRetention.NONE);
        assertThatThrownBy(() -> impostor.write(new TopicsSnapshot(List.of()), T)).isInstanceOf(KeyAlreadyExistsException.class);
        assertThat(reader.read(first.key(), SnapshotKind.TOPICS)).isEqualTo(first);
    }

    @Test
    void aFlippedByteOnDiskIsReportedWithTheKey() throws Exception {
        Snapshot<TopicsSnapshot> written = writer.write(TOPICS, T);
        Path file = root.resolve(written.key().value());
        byte[] bytes = Files.readAllBytes(file);
        int digit = new String(bytes, StandardCharsets.UTF_8).indexOf("\"partitions\":3") + "\"partitions\":".length();
        bytes[digit] = '4';
        Files.write(file, bytes);

        assertThatThrownBy(() -> reader.read(written.key(), SnapshotKind.TOPICS))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageStartingWith("Snapshot " + written.key().value() + " is damaged: its body hashes to SHA-256");
    }

    @Test
    void aTruncatedObjectIsReportedWithTheKey() throws Exception {
        Snapshot<TopicsSnapshot> written = writer.write(TOPICS, T);
        Path file = root.resolve(written.key().value());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> reader.read(written.key(), SnapshotKind.TOPICS))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageStartingWith("Snapshot " + written.key().value() + " is not complete, valid JSON (truncated or damaged, "
                        + bytes.length / 2 + " bytes)");
    }

    @Test
    void aSnapshotFromANewerVersionAsksForAnUpgrade() {
        SnapshotKey key = new SnapshotKey("prod-eu", SnapshotKind.TOPICS, T, "future");
        String future = "{\"format\":\"kaf-mirror-snapshot\",\"version\":2,\"kind\":\"topics\",\"cluster\":\"prod-eu\","
                + "\"takenAt\":\"2026-11-25T09:13:07.120Z\",\"writer\":\"future\",\"sha256\":\"?\",\"body\":{\"shards\":[]}}\n";
        store.put(key.value(), ByteSource.of(future.getBytes(StandardCharsets.UTF_8)), PutOptions.DEFAULT);

        assertThatThrownBy(() -> reader.read(key, SnapshotKind.TOPICS))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessage("Snapshot " + key + " has format version 2, newer than this kaf-mirror reads (up to 1): upgrade kaf-mirror to read it");
    }

    @Test
    void aMissingSnapshotIsAStoreError() {
        SnapshotKey key = new SnapshotKey("prod-eu", SnapshotKind.TOPICS, T, "w1");
        assertThatThrownBy(() -> reader.read(key, SnapshotKind.TOPICS)).isInstanceOf(KeyNotFoundException.class);
    }
}
