package io.kafmirror.kfs.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.kfs.catalog.StoreVerification.ObjectCheck;
import io.kafmirror.kfs.catalog.StoreVerification.ObjectCheck.Status;
import io.kafmirror.kfs.store.ByteSource;
import io.kafmirror.kfs.store.LocalSegmentStore;
import io.kafmirror.kfs.store.PutOptions;
import io.kafmirror.kfs.store.SegmentKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damage done to the files of a local store behind kaf-mirror's back is found and named. */
class StoreVerificationTest {

    @TempDir
    Path dir;

    @Test
    void aFlippedByteAMissingFileAReplacedFileAndAnUncataloguedOneAreAllFound() throws Exception {
        Path root = dir.resolve("store");
        try (LocalSegmentStore store = new LocalSegmentStore(root); SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"))) {
            SegmentArchive archive = new SegmentArchive(store, catalog);
            List<SegmentKey> keys = ArchiveFixture.publishBackup(archive, 4);
            String flipped = keys.get(0).value();
            String deleted = keys.get(2).value();
            String replaced = keys.get(4).value();
            byte[] damaged = Files.readAllBytes(root.resolve(flipped));
            damaged[damaged.length / 2] ^= 0x01;
            overwrite(root.resolve(flipped), damaged);
            Files.delete(root.resolve(deleted));
            byte[] other = Files.readAllBytes(root.resolve(keys.get(6).value()));
            overwrite(root.resolve(replaced), other);
            String uncatalogued = new SegmentKey("prod-eu", "orders", Instant.parse("2026-12-01T00:00:00Z"), "host-z", 9).value();
            store.put(uncatalogued, ByteSource.of(other), PutOptions.DEFAULT);

            List<ObjectCheck> checks = new StoreVerification(store, catalog, 3).run(SegmentKey.ROOT);

            assertThat(checks).hasSize(13);
            assertThat(status(checks, flipped)).isEqualTo(Status.CORRUPT);
            assertThat(detail(checks, flipped)).contains(flipped).contains("at byte");
            assertThat(status(checks, deleted)).isEqualTo(Status.MISSING);
            assertThat(status(checks, replaced)).isEqualTo(Status.SHA_MISMATCH);
            assertThat(status(checks, uncatalogued)).isEqualTo(Status.UNCATALOGUED);
            assertThat(checks).filteredOn(c -> c.status() == Status.OK).hasSize(9);
        }
    }

    @Test
    void verificationCanBeLimitedToOneTopic() {
        try (LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store")); SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"))) {
            ArchiveFixture.publishBackup(new SegmentArchive(store, catalog), 3);

            List<ObjectCheck> checks = new StoreVerification(store, catalog, 2).run(SegmentKey.topicPrefix("prod-eu", "orders"));

            assertThat(checks).hasSize(3).allMatch(c -> c.status() == Status.OK && c.key().contains("/orders/"));
        }
    }

    private static Status status(List<ObjectCheck> checks, String key) {
        return checks.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow().status();
    }

    private static String detail(List<ObjectCheck> checks, String key) {
        return checks.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow().detail();
    }

    /** Changes a file the store made read-only, as an intruder or a failing disk would. */
    private static void overwrite(Path file, byte[] bytes) throws Exception {
        file.toFile().setWritable(true);
        Files.write(file, bytes);
    }
}
