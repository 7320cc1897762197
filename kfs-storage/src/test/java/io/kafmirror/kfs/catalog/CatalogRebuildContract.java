package io.kafmirror.kfs.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.kfs.format.SealedSegment;
import io.kafmirror.kfs.store.ByteSource;
import io.kafmirror.kfs.store.KeyAlreadyExistsException;
import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.PutOptions;
import io.kafmirror.kfs.store.SegmentKey;
import io.kafmirror.kfs.store.SegmentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workstation that lost its catalog (or a new one) gets the same catalog back from the store alone. */
abstract class CatalogRebuildContract {

    @TempDir
    Path dir;

    SegmentStore store;

    protected abstract SegmentStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void theRebuiltCatalogEqualsTheCatalogWrittenLive() throws Exception {
        List<CatalogEntry> live;
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("live"))) {
            ArchiveFixture.publishBackup(new SegmentArchive(store, catalog), 6);
            live = catalog.all();
        }
        Files.delete(dir.resolve("live.mv.db"));

        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("live"))) {
            CatalogRebuild.RebuildReport report = new CatalogRebuild(store, catalog, 4).run();

            assertThat(report.problems()).isEmpty();
            assertThat(report.catalogued()).isEqualTo(18);
            assertThat(catalog.all()).hasSize(18).containsExactlyElementsOf(live);
        }
    }

    @Test
    void objectsThatAreNoSegmentsAreReportedAndTheRestIsCatalogued() {
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"))) {
            List<SegmentKey> keys = ArchiveFixture.publishBackup(new SegmentArchive(store, catalog), 2);
            byte[] segment = store.read(keys.get(0).value(), 0, (int) store.head(keys.get(0).value()).size());
            String truncated = new SegmentKey("prod-eu", "orders", Instant.parse("2026-11-25T12:00:00Z"), "host-b", 1).value();
            store.put(truncated, ByteSource.of(Arrays.copyOf(segment, segment.length - 3)), PutOptions.DEFAULT);
            store.put(SegmentKey.topicPrefix("prod-eu", "orders") + "README.txt", ByteSource.of("hello".getBytes()), PutOptions.DEFAULT);
            String misplaced = new SegmentKey("prod-eu", "payments.v2", Instant.parse("2026-11-25T13:00:00Z"), "host-a", 0).value();
            store.put(misplaced, ByteSource.of(segment), PutOptions.DEFAULT);

            CatalogRebuild.RebuildReport report = new CatalogRebuild(store, catalog, 2).run();

            assertThat(report.catalogued()).isEqualTo(6);
            assertThat(report.problems()).extracting(StoreProblem::key)
                    .containsExactlyInAnyOrder(truncated, misplaced, SegmentKey.topicPrefix("prod-eu", "orders") + "README.txt");
            assertThat(report.problems()).filteredOn(p -> p.key().equals(truncated)).singleElement()
                    .extracting(StoreProblem::reason).asString().contains("truncated");
            assertThat(report.problems()).filteredOn(p -> p.key().equals(misplaced)).singleElement()
                    .extracting(StoreProblem::reason).asString().contains("wrong key");
        }
    }

    @Test
    void catchUpCataloguesWhatACrashLeftStoredButNotCatalogued() {
        try (SegmentCatalog live = SegmentCatalog.open(dir.resolve("live"));
             SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"))) {
            List<SegmentKey> keys = ArchiveFixture.publishBackup(new SegmentArchive(store, live), 4);
            // The catalog of a writer that crashed after the store took the last two segments of orders.
            keys.stream().filter(k -> k.value().contains("/orders/")).limit(2)
                    .forEach(k -> catalog.add(live.find(k.value()).orElseThrow()));

            CatalogRebuild.RebuildReport report = new CatalogRebuild(store, catalog, 2)
                    .catchUp("prod-eu", "orders", Instant.parse("2026-11-25T20:00:00Z"));

            assertThat(report.problems()).isEmpty();
            assertThat(report.catalogued()).isEqualTo(2);
            assertThat(catalog.segments("prod-eu", "orders")).containsExactlyElementsOf(live.segments("prod-eu", "orders"));
            assertThat(catalog.segments("prod-eu", "payments.v2")).isEmpty();
        }
    }

    @Test
    void catchUpOfATopicWithNothingCataloguedListsTheWholeTopic() {
        try (SegmentCatalog live = SegmentCatalog.open(dir.resolve("live"));
             SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"))) {
            ArchiveFixture.publishBackup(new SegmentArchive(store, live), 3);

            CatalogRebuild.RebuildReport report = new CatalogRebuild(store, catalog, 2)
                    .catchUp("prod-eu", "audit_log", Instant.parse("2026-11-25T09:00:00Z"));

            assertThat(report.catalogued()).isEqualTo(3);
            assertThat(catalog.segments("prod-eu", "audit_log"))
                    .containsExactlyElementsOf(live.segments("prod-eu", "audit_log"));
        }
    }

    @Test
    void publishingTheSameSegmentAgainIsHarmlessButAnotherSegmentUnderItsKeyIsRefused() {
        try (SegmentCatalog lost = SegmentCatalog.open(dir.resolve("lost"));
             SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"))) {
            SealedSegment first = ArchiveFixture.segment("host-a", 7, "first");
            // The first attempt reached the store, but its answer (and so the catalog entry) was lost.
            SegmentKey key = new SegmentArchive(store, lost).publish(first, ObjectRetention.NONE, false);
            SegmentArchive archive = new SegmentArchive(store, catalog);

            assertThat(archive.publish(first, ObjectRetention.NONE, false)).isEqualTo(key);
            assertThat(catalog.find(key.value())).isPresent();

            SealedSegment impostor = ArchiveFixture.segment("host-a", 7, "other bytes");
            assertThat(SegmentKey.of(impostor.footer())).isEqualTo(key);
            assertThatThrownBy(() -> archive.publish(impostor, ObjectRetention.NONE, false))
                    .isInstanceOf(KeyAlreadyExistsException.class);
            assertThat(archive.open(key.value()).readChunk(0)).extracting(r -> new String(r.value()))
                    .containsExactly("first");
        }
    }
}
