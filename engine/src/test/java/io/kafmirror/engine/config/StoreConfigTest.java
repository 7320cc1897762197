package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.kfs.store.ByteSource;
import io.kafmirror.kfs.store.PutOptions;
import io.kafmirror.kfs.store.S3Encryption;
import io.kafmirror.kfs.store.S3StoreConfig;
import io.kafmirror.kfs.store.SegmentStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreConfigTest {

    @TempDir
    Path folder;

    @Test
    void aLocalStoreOpensInItsFolder() throws Exception {
        Path root = folder.resolve("segments");
        try (SegmentStore store = new LocalStoreConfig(root).open()) {
            store.put("probe", ByteSource.of("hello".getBytes(StandardCharsets.UTF_8)), PutOptions.DEFAULT);

            assertThat(store.location()).isEqualTo("file:" + root);
            assertThat(store.read("probe", 0, 5)).asString(StandardCharsets.UTF_8).isEqualTo("hello");
        }
        assertThat(Files.isDirectory(root)).isTrue();
    }

    @Test
    void aLocalStoreNeedsAPath() {
        assertThatThrownBy(() -> new LocalStoreConfig(null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("path: is required");
    }

    @Test
    void everyS3FieldReachesKfsStorage() {
        S3BucketConfig bucket = new S3BucketConfig("backup", "eu-central-1", URI.create("https://s3.internal:9000"), false,
                Secret.of("AKIA"), Secret.of("s3-secret"), "prod", S3Encryption.Mode.SSE_KMS, "arn:key", 32L << 20,
                6L << 20, 2, Duration.ofSeconds(3), Duration.ofSeconds(20), 5);

        S3StoreConfig s3 = bucket.toStoreConfig();

        assertThat(s3.bucket()).isEqualTo("backup");
        assertThat(s3.region()).isEqualTo("eu-central-1");
        assertThat(s3.endpoint()).isEqualTo(URI.create("https://s3.internal:9000"));
        assertThat(s3.pathStyle()).isFalse();
        assertThat(s3.accessKey()).isEqualTo("AKIA");
        assertThat(s3.secretKey()).isEqualTo("s3-secret");
        assertThat(s3.keyPrefix()).isEqualTo("prod/");
        assertThat(s3.encryption()).isEqualTo(S3Encryption.sseKms("arn:key"));
        assertThat(s3.multipartThreshold()).isEqualTo(32L << 20);
        assertThat(s3.partSize()).isEqualTo(6L << 20);
        assertThat(s3.uploadParallelism()).isEqualTo(2);
        assertThat(s3.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s3.socketTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s3.maxAttempts()).isEqualTo(5);
        assertThat(bucket.toString()).doesNotContain("s3-secret", "AKIA");
    }

    @Test
    void leftOutS3FieldsTakeKfsStorageDefaults() {
        S3StoreConfig defaults = S3StoreConfig.forAws("b", "eu-west-1");
        S3StoreConfig aws = S3BucketConfig.aws("b", "eu-west-1").toStoreConfig();

        assertThat(aws).isEqualTo(defaults);
    }

    @Test
    void anEndpointDefaultsToPathStyleAndUsEast1() {
        S3BucketConfig onPrem = new S3BucketConfig("b", null, URI.create("http://127.0.0.1:9090"), null, null, null, null,
                null, null, null, null, null, null, null, null);

        assertThat(onPrem.pathStyle()).isTrue();
        assertThat(onPrem.region()).isEqualTo(S3StoreConfig.DEFAULT_REGION);
        assertThat(S3BucketConfig.aws("b", "eu-west-1").pathStyle()).isFalse();
    }

    @Test
    void anS3StoreOpensWithoutTouchingTheNetwork() {
        S3BucketConfig loopback = new S3BucketConfig("backup", null, URI.create("http://127.0.0.1:1"), null,
                Secret.of("a"), Secret.of("b"), "p/", null, null, null, null, null, null, null, null);

        try (SegmentStore store = loopback.open()) {
            assertThat(store.location()).isEqualTo("s3://backup/p/");
        }
    }

    @Test
    void s3MistakesAreNamed() {
        assertThatThrownBy(() -> S3BucketConfig.aws(" ", "eu-west-1")).hasMessageContaining("bucket: is required");
        assertThatThrownBy(() -> S3BucketConfig.aws("b", null)).hasMessageContaining("region: is required for AWS S3");
        assertThatThrownBy(() -> new S3BucketConfig("b", null, URI.create("s3.internal:9000"), null, null, null, null,
                null, null, null, null, null, null, null, null)).hasMessageContaining("endpoint: 's3.internal:9000' is not an http(s)");
        assertThatThrownBy(() -> new S3BucketConfig("b", "r", null, null, Secret.of("a"), null, null,
                null, null, null, null, null, null, null, null)).hasMessageContaining("give both an access key and a secret key");
        assertThatThrownBy(() -> new S3BucketConfig("b", "r", null, null, null, null, null,
                S3Encryption.Mode.SSE_S3, "k", null, null, null, null, null, null)).hasMessageContaining("kms_key_id: only goes with");
        assertThatThrownBy(() -> new S3BucketConfig("b", "r", null, null, null, null, null,
                null, null, null, 1L << 20, null, null, null, null)).hasMessageContaining("at least 5 MiB");
    }
}
