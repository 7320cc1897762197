package io.kafmirror.kfs.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.kfs.store.ByteSource;
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
}
