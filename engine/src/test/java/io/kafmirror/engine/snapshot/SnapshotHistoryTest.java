package io.kafmirror.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.kfs.store.ByteSource;
import io.kafmirror.kfs.store.LocalSegmentStore;
import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.PutOptions;
import io.kafmirror.kfs.store.SegmentStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding snapshots by time, listing as little of the store as the history allows. */
class SnapshotHistoryTest {

    private static final TopicsSnapshot EMPTY = new TopicsSnapshot(List.of());

    @TempDir
    Path root;
    LocalSegmentStore local;
    List<String> listed = new ArrayList<>();
    SnapshotHistory history;

    @BeforeEach
    void openStore() {
        local = new LocalSegmentStore(root);
        history = new SnapshotHistory(listingRecorder(local, listed), "prod");
    }

    @AfterEach
    void closeStore() {
        local.close();
    }

    @Test
    void theListIsEveryKeyOfTheKindAndClusterOldestFirst() {
        SnapshotKey a = write("prod", "2026-11-24T23:59:59.999Z");
        SnapshotKey b = write("prod", "2026-11-25T00:00:00.000Z");
        write("prod-eu", "2026-11-25T00:00:00.000Z");
        new SnapshotWriter(local, "prod", "w", at -> ObjectRetention.NONE).write(new GroupOffsetsSnapshot(List.of()), Instant.parse("2026-11-25T00:00:00Z"));
        local.put(SnapshotKey.kindPrefix("prod", SnapshotKind.TOPICS) + "README.txt", ByteSource.of(new byte[1]), PutOptions.DEFAULT);

        assertThat(history.list(SnapshotKind.TOPICS)).containsExactly(a, b);
    }

    @Test
    void theLatestInTheSameHourNeedsOneListing() {
        write("prod", "2026-11-25T08:59:00.000Z");
        SnapshotKey expected = write("prod", "2026-11-25T09:10:00.000Z");
        write("prod", "2026-11-25T09:20:00.000Z");

        assertThat(history.latestAtOrBefore(SnapshotKind.TOPICS, Instant.parse("2026-11-25T09:15:00Z"))).contains(expected);
        assertThat(listed).containsExactly("snapshots/prod/topics/2026/11/25/09/");
    }

    @Test
    void anExactMatchCountsAsAtOrBefore() {
        SnapshotKey expected = write("prod", "2026-11-25T09:10:00.000Z");
        write("prod", "2026-11-25T09:10:00.001Z");
        assertThat(history.latestAtOrBefore(SnapshotKind.TOPICS, Instant.parse("2026-11-25T09:10:00.000999Z"))).contains(expected);
    }

    @Test
    void anEarlierHourOfTheSameDayNeedsTheDayListing() {
        SnapshotKey expected = write("prod", "2026-11-25T03:00:00.000Z");
        write("prod", "2026-11-25T09:20:00.000Z");

        assertThat(history.latestAtOrBefore(SnapshotKind.TOPICS, Instant.parse("2026-11-25T09:15:00Z"))).contains(expected);
        assertThat(listed).containsExactly("snapshots/prod/topics/2026/11/25/09/", "snapshots/prod/topics/2026/11/25/");
    }

    @Test
    void earlierDaysAreWalkedBackOneListingEach() {
        SnapshotKey expected = write("prod", "2026-11-22T23:00:00.000Z");
        write("prod", "2026-11-26T00:00:00.000Z");

        assertThat(history.latestAtOrBefore(SnapshotKind.TOPICS, Instant.parse("2026-11-25T09:15:00Z"))).contains(expected);
        assertThat(listed).containsExactly("snapshots/prod/topics/2026/11/25/09/", "snapshots/prod/topics/2026/11/25/",
                "snapshots/prod/topics/2026/11/24/", "snapshots/prod/topics/2026/11/23/", "snapshots/prod/topics/2026/11/22/");
    }

    @Test
    void aLongerSilenceFallsBackToOneFullListing() {
        SnapshotKey expected = write("prod", "2025-01-01T00:00:00.000Z");
        write("prod", "2026-12-01T00:00:00.000Z");

        assertThat(history.latestAtOrBefore(SnapshotKind.TOPICS, Instant.parse("2026-11-25T09:15:00Z"))).contains(expected);
        assertThat(listed).hasSize(2 + SnapshotHistory.DAYS_BACK + 1).endsWith("snapshots/prod/topics/");
    }

    @Test
    void nothingAtOrBeforeTheFirstSnapshot() {
        write("prod", "2026-11-25T09:20:00.000Z");
        assertThat(history.latestAtOrBefore(SnapshotKind.TOPICS, Instant.parse("2026-11-25T09:19:59.999Z"))).isEmpty();
        assertThat(history.latestAtOrBefore(SnapshotKind.GROUP_OFFSETS, Instant.parse("2026-11-25T09:30:00Z"))).isEmpty();
    }

    private SnapshotKey write(String cluster, String takenAt) {
        return new SnapshotWriter(local, cluster, "w", at -> ObjectRetention.NONE).write(EMPTY, Instant.parse(takenAt)).key();
    }

    /** {@code store}, noting the prefix of every listing in {@code prefixes}. */
    static SegmentStore listingRecorder(SegmentStore store, List<String> prefixes) {
        return (SegmentStore) Proxy.newProxyInstance(SegmentStore.class.getClassLoader(), new Class<?>[] {SegmentStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("list")) {
                        prefixes.add((String) args[0]);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
