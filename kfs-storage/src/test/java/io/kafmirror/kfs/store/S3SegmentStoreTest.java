package io.kafmirror.kfs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/** The contract against Adobe S3Mock, plus what only an S3 store does. */
class S3SegmentStoreTest extends SegmentStoreContract {

    private static S3MockServer server;
    private static String bucket;

    @BeforeAll
    static void startServer() {
        server = S3MockServer.shared();
        bucket = server.createBackupBucket(S3SegmentStoreTest.class.getSimpleName());
    }

    @Override
    protected SegmentStore newStore() {
        return new S3SegmentStore(testConfig(bucket).withKeyPrefix("t-" + UUID.randomUUID()));
    }

    private static S3StoreConfig testConfig(String bucketName) {
        return server.config(bucketName).withMultipart(PART, PART, 3);
    }

    @Override
    @Test
    @Disabled("S3Mock 4.12.4 checks If-None-Match, then writes, without a lock: measured, 84 of 200 rounds of"
            + " two racing PUTs both succeeded. Fencing by a concurrent race needs a server with atomic"
            + " conditional writes (AWS S3); the sequential write-once test runs here.")
    void racingWritersOfOneKeyExactlyOneWins() {
    }

    @Override
    @Test
    @Disabled("S3Mock 4.12.4 checks If-None-Match on CompleteMultipartUpload without a lock too (and answers"
            + " 304 rather than 412), so racing multipart writers can both succeed; see the single-PUT race.")
    void racingMultipartWritersOfOneKeyExactlyOneWins() {
    }

    @Override
    @Test
    @Disabled("S3Mock 4.12.4 ignores the x-amz-object-lock-* headers of PutObject (measured: HEAD and"
            + " GetObjectRetention show none); the Ceph radosgw Object Lock tests cover retention at creation.")
    void retentionAndLegalHoldGivenAtCreationAreReported() {
    }

    @Test
    void deleteRemovesEveryVersionInsteadOfHidingIt() {
        S3StoreConfig config = testConfig(bucket).withKeyPrefix("versions-" + UUID.randomUUID());
        try (SegmentStore versioned = new S3SegmentStore(config); S3Client raw = S3ClientFactory.create(config)) {
            versioned.put("k.kfs", ByteSource.of(bytes(100, 1)), PutOptions.DEFAULT);

            versioned.delete("k.kfs");

            ListObjectVersionsResponse left = raw.listObjectVersions(b -> b.bucket(bucket).prefix(config.keyPrefix()));
            assertThat(left.versions()).isEmpty();
            assertThat(left.deleteMarkers()).isEmpty();
        }
    }

    @Test
    void keysAreRelativeToTheKeyPrefixAndOtherPrefixesAreInvisible() {
        String shared = "p-" + UUID.randomUUID();
        try (SegmentStore outer = new S3SegmentStore(testConfig(bucket).withKeyPrefix(shared));
             SegmentStore inner = new S3SegmentStore(testConfig(bucket).withKeyPrefix(shared + "/inner"))) {
            outer.put("top.kfs", ByteSource.of(bytes(1, 1)), PutOptions.DEFAULT);
            inner.put("deep.kfs", ByteSource.of(bytes(2, 2)), PutOptions.DEFAULT);

            assertThat(keysOf(inner.list(""))).containsExactly("deep.kfs");
            assertThat(keysOf(outer.list(""))).containsExactly("inner/deep.kfs", "top.kfs");
            assertThat(outer.read("inner/deep.kfs", 0, 10)).isEqualTo(bytes(2, 2));
        }
    }

    @Test
    void lockReportOfABackupBucketShowsVersioningAndObjectLock() {
        LockReport report = store.verifyLock();

        assertThat(report.versioning()).isTrue();
        assertThat(report.objectLock()).isTrue();
    }

    @Test
    void lockReportOfAPlainBucketWarnsLoudly() {
        try (SegmentStore plain = new S3SegmentStore(testConfig(server.createPlainBucket("plain")))) {
            LockReport report = plain.verifyLock();

            assertThat(report.ok()).isFalse();
            assertThat(report.versioning()).isFalse();
            assertThat(report.objectLock()).isFalse();
            assertThat(report.warnings()).anyMatch(w -> w.contains("Versioning is OFF"))
                    .anyMatch(w -> w.contains("Object Lock is NOT enabled"));
        }
    }

    @Test
    void missingBucketIsReportedAsSuch() {
        try (SegmentStore missing = new S3SegmentStore(testConfig("no-such-bucket-" + UUID.randomUUID()))) {
            assertThatThrownBy(() -> missing.put("k", ByteSource.of(new byte[1]), PutOptions.DEFAULT))
                    .isExactlyInstanceOf(StoreException.class)
                    .hasMessageContaining("bucket does not exist");
        }
    }

    @Test
    void wrongCredentialsAreReportedAsSuch() {
        S3StoreConfig wrongKeys = testConfig(bucket).withCredentials("wrong", "wrong");
        try (SegmentStore wrong = new S3SegmentStore(wrongKeys)) {
            Throwable failure = catchThrowable(() -> keysOf(wrong.list("")));

            assumeTrue(failure != null, "S3Mock accepts any credentials; S3ExceptionTranslatorTest covers the mapping");
            assertThat(failure).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("rejected the credentials");
        }
    }

    @Test
    void unreachableEndpointFailsFastNamingTheEndpoint() throws IOException {
        URI closed = URI.create("http://127.0.0.1:" + closedPort());
        S3StoreConfig config = S3StoreConfig.forEndpoint(closed, "b", "k", "s")
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), 1);
        long started = System.nanoTime();
        try (SegmentStore unreachable = new S3SegmentStore(config)) {
            assertThatThrownBy(() -> unreachable.head("k"))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining(closed.toString())
                    .hasMessageContaining("Check the endpoint");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void failedMultipartUploadIsAbortedAndLeavesNothing() {
        S3StoreConfig config = testConfig(bucket).withKeyPrefix("abort-" + UUID.randomUUID());
        ByteSource endsEarly = new ByteSource() {
            @Override
            public long size() {
                return 3L * PART;
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(bytes(2 * PART + 10, 1));
            }
        };
        try (SegmentStore s3 = new S3SegmentStore(config); S3Client raw = S3ClientFactory.create(config)) {
            assertThatThrownBy(() -> s3.put("k.kfs", endsEarly, PutOptions.DEFAULT))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("ended after");

            assertThatThrownBy(() -> s3.head("k.kfs")).isInstanceOf(KeyNotFoundException.class);
            assertThat(raw.listMultipartUploads(b -> b.bucket(bucket).prefix(config.keyPrefix())).uploads()).isEmpty();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
