package io.kafmirror.kfs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/**
 * Object Lock as a real server enforces it (Ceph radosgw): what the backup's immutability promise
 * rests on. Retentions here are short-dated but far enough out to hold for the whole test.
 */
class ObjectLockTest {

    private static final Duration HOLD = Duration.ofHours(2);

    private static CephRgwServer server;
    private static String bucket;
    private static S3StoreConfig config;
    private static S3SegmentStore store;

    /** Per test rather than per class, so that without Ceph every test is reported as skipped. */
    @BeforeEach
    void requireCeph() {
        if (server != null) {
            return;
        }
        server = CephRgwServer.shared();
        bucket = server.createBackupBucket(ObjectLockTest.class.getSimpleName());
        config = server.config(bucket).withKeyPrefix("lock-" + UUID.randomUUID());
        store = new S3SegmentStore(config);
    }

    @AfterAll
    static void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void complianceLockedSegmentCannotBeDeletedAndStaysReadable() {
        byte[] content = bytes(4096, 1);
        Instant until = later(HOLD);
        store.put("compliance.kfs", ByteSource.of(content), lockedFor(RetentionMode.COMPLIANCE, until));

        assertThatThrownBy(() -> store.delete("compliance.kfs"))
                .isInstanceOf(ObjectLockedException.class)
                .hasMessageContaining("compliance.kfs")
                .hasMessageContaining(store.location());

        assertThat(store.read("compliance.kfs", 0, content.length)).isEqualTo(content);
        RetentionStatus status = store.retention("compliance.kfs");
        assertThat(status.enforced()).isTrue();
        assertThat(status.retention()).isEqualTo(ObjectRetention.of(RetentionMode.COMPLIANCE, until));
        assertThat(status.legalHold()).isFalse();
    }

    @Test
    void complianceRetentionCanBeExtendedButNeverShortenedOrRemoved() {
        Instant until = later(HOLD);
        store.put("extend.kfs", ByteSource.of(bytes(100, 2)), lockedFor(RetentionMode.COMPLIANCE, until));

        assertThatThrownBy(() -> store.setRetention("extend.kfs",
                ObjectRetention.of(RetentionMode.COMPLIANCE, until.minus(Duration.ofMinutes(30)))))
                .isInstanceOf(ObjectLockedException.class)
                .hasMessageContaining("extend.kfs");
        assertThatThrownBy(() -> store.setRetention("extend.kfs",
                ObjectRetention.of(RetentionMode.GOVERNANCE, until)))
                .isInstanceOf(ObjectLockedException.class);
        assertThat(store.retention("extend.kfs").retention().retainUntil()).isEqualTo(until);

        Instant extended = until.plus(Duration.ofDays(1));
        store.setRetention("extend.kfs", ObjectRetention.of(RetentionMode.COMPLIANCE, extended));

        assertThat(store.retention("extend.kfs").retention())
                .isEqualTo(ObjectRetention.of(RetentionMode.COMPLIANCE, extended));
    }

    @Test
    void governanceRefusesOrdinaryDeleteAndShorteningButYieldsToAnExplicitBypass() {
        Instant until = later(HOLD);
        store.put("governance.kfs", ByteSource.of(bytes(100, 3)), lockedFor(RetentionMode.GOVERNANCE, until));

        assertThatThrownBy(() -> store.delete("governance.kfs")).isInstanceOf(ObjectLockedException.class);
        assertThatThrownBy(() -> store.setRetention("governance.kfs",
                ObjectRetention.of(RetentionMode.GOVERNANCE, until.minus(Duration.ofMinutes(30)))))
                .isInstanceOf(ObjectLockedException.class);
        assertThat(store.retention("governance.kfs").retention().mode()).isEqualTo(RetentionMode.GOVERNANCE);

        // GOVERNANCE is documented as protection against accidents, not against a privileged user:
        // the bypass header lifts it. This is why backups should use COMPLIANCE.
        try (S3Client admin = S3ClientFactory.create(config)) {
            String objectKey = config.keyPrefix() + "governance.kfs";
            admin.putObjectRetention(b -> b.bucket(bucket).key(objectKey).bypassGovernanceRetention(true)
                    .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(later(Duration.ofMinutes(1)))));
        }
        assertThat(store.retention("governance.kfs").retention().retainUntil()).isBefore(until);
    }

    @Test
    void legalHoldBlocksDeletionUntilLifted() {
        byte[] content = bytes(100, 4);
        store.put("held.kfs", ByteSource.of(content), new PutOptions(Map.of(), ObjectRetention.NONE, true));

        assertThat(store.retention("held.kfs").legalHold()).isTrue();
        assertThatThrownBy(() -> store.delete("held.kfs"))
                .isInstanceOf(ObjectLockedException.class)
                .hasMessageContaining("held.kfs");
        assertThat(store.read("held.kfs", 0, content.length)).isEqualTo(content);

        store.setLegalHold("held.kfs", false);
        assertThat(store.retention("held.kfs").legalHold()).isFalse();
        store.delete("held.kfs");

        assertThatThrownBy(() -> store.head("held.kfs")).isInstanceOf(KeyNotFoundException.class);
    }

    @Test
    void retentionPlacedAfterCreationProtectsTheSegment() {
        store.put("late.kfs", ByteSource.of(bytes(100, 5)), PutOptions.DEFAULT);
        assertThat(store.retention("late.kfs").retention()).isEqualTo(ObjectRetention.NONE);

        store.setRetention("late.kfs", ObjectRetention.of(RetentionMode.COMPLIANCE, later(HOLD)));

        assertThatThrownBy(() -> store.delete("late.kfs")).isInstanceOf(ObjectLockedException.class);
    }

    @Test
    void multipartSegmentIsProtectedOnceUploaded() {
        long part = S3StoreConfig.MIN_PART_SIZE;
        byte[] content = bytes((int) (part * 2 + 1234), 6);
        Instant until = later(HOLD);
        try (S3SegmentStore multipart = new S3SegmentStore(server.config(bucket)
                .withKeyPrefix("multipart-" + UUID.randomUUID()).withMultipart(part, part, 2))) {
            multipart.put("big.kfs", ByteSource.of(content), lockedFor(RetentionMode.COMPLIANCE, until));
            multipart.put("big-held.kfs", ByteSource.of(content), new PutOptions(Map.of(), ObjectRetention.NONE, true));

            assertThat(multipart.retention("big.kfs").retention())
                    .isEqualTo(ObjectRetention.of(RetentionMode.COMPLIANCE, until));
            assertThat(multipart.retention("big-held.kfs").legalHold()).isTrue();
            assertThatThrownBy(() -> multipart.delete("big-held.kfs")).isInstanceOf(ObjectLockedException.class);
            assertThatThrownBy(() -> multipart.delete("big.kfs")).isInstanceOf(ObjectLockedException.class);
            assertThat(multipart.read("big.kfs", part - 10, 20))
                    .isEqualTo(Arrays.copyOfRange(content, (int) part - 10, (int) part + 10));
        }
    }

    @Test
    void verifyLockIsSatisfiedOnlyByALockedBucketWithADefaultRetention() {
        String locked = server.createBackupBucket("verify-locked");
        try (S3Client admin = S3ClientFactory.create(server.config(locked));
             S3SegmentStore lockedStore = new S3SegmentStore(server.config(locked))) {
            LockReport withoutDefault = lockedStore.verifyLock();
            assertThat(withoutDefault.versioning()).isTrue();
            assertThat(withoutDefault.objectLock()).isTrue();
            assertThat(withoutDefault.warnings()).singleElement().asString()
                    .contains(locked).contains("no default retention");

            admin.putObjectLockConfiguration(b -> b.bucket(locked).objectLockConfiguration(c -> c
                    .objectLockEnabled("Enabled")
                    .rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.COMPLIANCE).days(1)))));
            LockReport complete = lockedStore.verifyLock();

            assertThat(complete.ok()).isTrue();
            assertThat(complete.defaultRetention()).isEqualTo(RetentionMode.COMPLIANCE);
            assertThat(complete.defaultRetentionDays()).isEqualTo(1);
        }
    }

    @Test
    void verifyLockWarnsLoudlyAboutABucketWithoutLock() {
        String plain = server.createPlainBucket("verify-plain");
        try (S3SegmentStore plainStore = new S3SegmentStore(server.config(plain))) {
            LockReport report = plainStore.verifyLock();

            assertThat(report.ok()).isFalse();
            assertThat(report.versioning()).isFalse();
            assertThat(report.objectLock()).isFalse();
            assertThat(report.warnings()).hasSize(2).allSatisfy(warning -> assertThat(warning).contains(plain));
        }
    }

    private static PutOptions lockedFor(RetentionMode mode, Instant until) {
        return PutOptions.DEFAULT.withRetention(ObjectRetention.of(mode, until));
    }

    /** S3 keeps retain-until dates to the second; a whole-second instant compares equal after a round trip. */
    private static Instant later(Duration duration) {
        return Instant.now().plus(duration).truncatedTo(ChronoUnit.SECONDS);
    }

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
