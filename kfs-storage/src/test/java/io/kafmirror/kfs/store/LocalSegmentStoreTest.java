package io.kafmirror.kfs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSegmentStoreTest extends SegmentStoreContract {

    @TempDir
    Path folder;

    @Override
    protected SegmentStore newStore() {
        return new LocalSegmentStore(folder);
    }

    @Test
    void metadataAndRetentionSurviveReopeningTheFolder() {
        ObjectRetention retention = ObjectRetention.of(RetentionMode.COMPLIANCE, tomorrow());
        store.put("k.kfs", ByteSource.of(bytes(10, 1)), new PutOptions(Map.of("topic", "t"), retention, true));

        try (SegmentStore reopened = new LocalSegmentStore(folder)) {
            assertThat(reopened.head("k.kfs").metadata()).isEqualTo(Map.of("topic", "t"));
            assertThat(reopened.retention("k.kfs")).isEqualTo(new RetentionStatus("k.kfs", retention, true, false));
        }
    }

    @Test
    void deleteRefusesWhileARecordedRetentionLasts() {
        store.put("k.kfs", ByteSource.of(bytes(10, 1)),
                PutOptions.DEFAULT.withRetention(ObjectRetention.of(RetentionMode.GOVERNANCE, tomorrow())));

        assertThatThrownBy(() -> store.delete("k.kfs"))
                .isInstanceOf(ObjectLockedException.class)
                .hasMessageContaining("cannot enforce");
        assertThat(store.head("k.kfs").size()).isEqualTo(10);
    }

    @Test
    void deleteRefusesUnderLegalHoldAndWorksOnceItIsLifted() {
        Instant past = Instant.now().minusSeconds(60);
        store.put("k.kfs", ByteSource.of(bytes(10, 1)),
                new PutOptions(Map.of(), ObjectRetention.of(RetentionMode.COMPLIANCE, past), true));

        assertThatThrownBy(() -> store.delete("k.kfs")).isInstanceOf(ObjectLockedException.class);
        store.setLegalHold("k.kfs", false);
        store.delete("k.kfs");

        assertThatThrownBy(() -> store.head("k.kfs")).isInstanceOf(KeyNotFoundException.class);
    }

    @Test
    void complianceRetentionCannotBeShortenedWeakenedOrRemoved() {
        ObjectRetention compliance = ObjectRetention.of(RetentionMode.COMPLIANCE, tomorrow());
        store.put("k.kfs", ByteSource.of(bytes(10, 1)), PutOptions.DEFAULT.withRetention(compliance));

        assertThatThrownBy(() -> store.setRetention("k.kfs", ObjectRetention.of(RetentionMode.COMPLIANCE,
                tomorrow().minusSeconds(3600)))).isInstanceOf(ObjectLockedException.class);
        assertThatThrownBy(() -> store.setRetention("k.kfs", ObjectRetention.of(RetentionMode.GOVERNANCE,
                tomorrow().plusSeconds(3600)))).isInstanceOf(ObjectLockedException.class);
        assertThatThrownBy(() -> store.setRetention("k.kfs", ObjectRetention.NONE))
                .isInstanceOf(ObjectLockedException.class);
        assertThat(store.retention("k.kfs").retention()).isEqualTo(compliance);
    }

    @Test
    void lockIsReportedAsNotEnforced() {
        store.put("k.kfs", ByteSource.of(bytes(10, 1)), PutOptions.DEFAULT);

        assertThat(store.retention("k.kfs").enforced()).isFalse();
        LockReport report = store.verifyLock();
        assertThat(report.ok()).isFalse();
        assertThat(report.objectLock()).isFalse();
        assertThat(report.warnings()).singleElement().asString().contains("cannot enforce immutability");
    }

    @Test
    void publishedObjectIsReadOnlyAndNoStagingFileIsLeft() throws IOException {
        store.put("a/k.kfs", ByteSource.of(bytes(10, 1)), PutOptions.DEFAULT);

        // Permission bits, not Files.isWritable: the tests may run as root, for whom every file is writable.
        assertThat(Files.getPosixFilePermissions(folder.resolve("a/k.kfs")))
                .doesNotContain(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE,
                        PosixFilePermission.OTHERS_WRITE);
        try (Stream<Path> files = Files.list(folder.resolve("a"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("k.kfs", "k.kfs.kfs-meta");
        }
    }

    @Test
    void bookkeepingFilesAreHiddenFromListings() throws IOException {
        store.put("a/k.kfs", ByteSource.of(bytes(10, 1)), PutOptions.DEFAULT);
        Files.write(folder.resolve("a/x.kfs.1234.kfs-tmp"), new byte[3]);

        assertThat(keysOf(store.list(""))).containsExactly("a/k.kfs");
    }

    @Test
    void unsafeAndReservedKeysAreRejected() {
        for (String key : new String[] {"../escape", "/absolute", "a//b", "a/./b", "trailing/", "x.kfs-meta", ""}) {
            assertThatThrownBy(() -> store.put(key, ByteSource.of(new byte[1]), PutOptions.DEFAULT))
                    .as(key)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void storeBelowARegularFileFailsWithAClearMessage() throws IOException {
        Path file = Files.write(folder.resolve("plain-file"), new byte[1]);

        assertThatThrownBy(() -> new LocalSegmentStore(file.resolve("store")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("file is in the way");
    }

    @Test
    void keyBelowAnExistingObjectFailsClearlyAndPublishesNothing() {
        store.put("a", ByteSource.of(bytes(10, 1)), PutOptions.DEFAULT);

        assertThatThrownBy(() -> store.put("a/b", ByteSource.of(bytes(10, 2)), PutOptions.DEFAULT))
                .isInstanceOf(StoreException.class)
                .isNotInstanceOf(KeyAlreadyExistsException.class)
                .hasMessageContaining("file is in the way");
        assertThat(keysOf(store.list(""))).containsExactly("a");
    }

    @Test
    void contentShorterThanDeclaredPublishesNothing() throws IOException {
        ByteSource lying = new ByteSource() {
            @Override
            public long size() {
                return 100;
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(new byte[60]);
            }
        };

        assertThatThrownBy(() -> store.put("short.kfs", lying, PutOptions.DEFAULT))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("60 bytes");
        assertThatThrownBy(() -> store.head("short.kfs")).isInstanceOf(KeyNotFoundException.class);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void attributesWithoutDataFenceTheKeyUntilDeleted() throws IOException {
        store.put("k.kfs", ByteSource.of(bytes(10, 1)), PutOptions.DEFAULT);
        // What a crash between publishing the sidecar and publishing the data leaves behind.
        Files.delete(folder.resolve("k.kfs"));

        assertThatThrownBy(() -> store.head("k.kfs")).isInstanceOf(KeyNotFoundException.class);
        assertThatThrownBy(() -> store.put("k.kfs", ByteSource.of(bytes(10, 2)), PutOptions.DEFAULT))
                .isInstanceOf(KeyAlreadyExistsException.class);
        store.delete("k.kfs");
        store.put("k.kfs", ByteSource.of(bytes(10, 3)), PutOptions.DEFAULT);
        assertThat(store.read("k.kfs", 0, 10)).isEqualTo(bytes(10, 3));
    }
}
