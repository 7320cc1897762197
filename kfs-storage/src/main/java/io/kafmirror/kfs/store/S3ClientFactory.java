package io.kafmirror.kfs.store;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the SDK client an {@link S3SegmentStore} talks through.
 *
 * <p>HTTP goes through the SDK's Apache HttpClient 5 binding: it is the SDK's own default sync client
 * (already on the classpath through {@code s3}), a maintained, blocking, pooled client that fits the
 * store's synchronous calls, and it lets us set connect and socket timeouts. Checksums are only sent
 * where S3 requires them, and then as Content-MD5 ({@link LegacyMd5Plugin}), because S3-compatible
 * servers such as Ceph radosgw 16 reject the SDK's newer default checksums.
 */
final class S3ClientFactory {

    private S3ClientFactory() {
    }

    /** A client for the server, credentials, timeouts and retries of {@code config}. */
    static S3Client create(S3StoreConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .forcePathStyle(config.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .addPlugin(LegacyMd5Plugin.create())
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(config.connectTimeout())
                        .socketTimeout(config.socketTimeout()))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(config.maxAttempts())));
        if (config.endpoint() != null) {
            builder.endpointOverride(config.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3StoreConfig config) {
        if (config.hasStaticCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey(), config.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
