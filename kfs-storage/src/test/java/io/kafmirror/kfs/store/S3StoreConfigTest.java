package io.kafmirror.kfs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class S3StoreConfigTest {

    private static final S3StoreConfig BASE =
            S3StoreConfig.forEndpoint(URI.create("http://127.0.0.1:7480"), "backups", "AKID", "top-secret");

    @Test
    void forEndpointIsPathStyleInUsEast1WithStaticKeys() {
        assertThat(BASE.pathStyle()).isTrue();
        assertThat(BASE.region()).isEqualTo("us-east-1");
        assertThat(BASE.hasStaticCredentials()).isTrue();
        assertThat(BASE.multipartThreshold()).isEqualTo(16L * 1024 * 1024);
    }

    @Test
    void keyPrefixBecomesAFolder() {
        assertThat(BASE.withKeyPrefix("/cluster-a").keyPrefix()).isEqualTo("cluster-a/");
        assertThat(BASE.withKeyPrefix("cluster-a/").keyPrefix()).isEqualTo("cluster-a/");
        assertThat(BASE.withKeyPrefix(null).keyPrefix()).isEmpty();
    }

    @Test
    void toStringNeverShowsTheSecretKey() {
        assertThat(BASE.toString()).doesNotContain("top-secret").contains("AKID");
    }

    @Test
    void impossibleSettingsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> BASE.withMultipart(16L << 20, 1024, 4)).hasMessageContaining("at least 5 MiB");
        assertThatThrownBy(() -> BASE.withCredentials("AKID", null)).hasMessageContaining("both");
        assertThatThrownBy(() -> new S3Encryption(S3Encryption.Mode.SSE_S3, "key-1")).hasMessageContaining("SSE_KMS");
    }
}
