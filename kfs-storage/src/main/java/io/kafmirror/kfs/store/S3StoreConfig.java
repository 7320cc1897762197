package io.kafmirror.kfs.store;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how an {@link S3SegmentStore} stores objects. Start from {@link #forEndpoint} or
 * {@link #forAws} and adjust with the {@code with...} methods.
 *
 * @param bucket             the bucket; it should have versioning and Object Lock enabled
 * @param keyPrefix          folder inside the bucket, {@code ""} for none; a missing trailing '/' is added
 * @param region             the signing region, e.g. {@code us-east-1} (S3-compatible servers mostly accept any)
 * @param endpoint           the S3-compatible server, or {@code null} for AWS S3 itself
 * @param pathStyle          address the bucket in the path rather than the host name (most non-AWS servers)
 * @param accessKey          static access key id, or {@code null} to use the SDK's default credential chain
 * @param secretKey          static secret key, given exactly when {@code accessKey} is
 * @param encryption         server-side encryption asked for each object
 * @param multipartThreshold objects larger than this many bytes are uploaded in parts
 * @param partSize           bytes per part of a multipart upload; S3 needs at least 5 MiB
 * @param uploadParallelism  parts of one object uploaded at the same time
 * @param connectTimeout     how long to wait for a TCP connection
 * @param socketTimeout      how long to wait for data on an open connection
 * @param maxAttempts        attempts per request, the first included, before an error is reported
 */
public record S3StoreConfig(String bucket, String keyPrefix, String region, URI endpoint, boolean pathStyle,
                            String accessKey, String secretKey, S3Encryption encryption,
                            long multipartThreshold, long partSize, int uploadParallelism,
                            Duration connectTimeout, Duration socketTimeout, int maxAttempts) {

    /** The region used when none is given; S3-compatible servers accept it. */
    public static final String DEFAULT_REGION = "us-east-1";
    /** S3's smallest allowed size for a part other than the last. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    /** Default {@link #multipartThreshold}: 16 MiB. */
    public static final long DEFAULT_MULTIPART_THRESHOLD = 16L * 1024 * 1024;
    /** Default {@link #partSize}: 8 MiB, so the default parallelism buffers at most about 40 MiB per upload. */
    public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;

    /** Checks the settings and normalises the key prefix; an {@link IllegalArgumentException} names any problem. */
    public S3StoreConfig {
        require(bucket != null && !bucket.isBlank(), "a bucket is required");
        keyPrefix = normalisePrefix(keyPrefix);
        require(region != null && !region.isBlank(), "a region is required");
        require((accessKey == null) == (secretKey == null), "give both an access key and a secret key, or neither");
        require(encryption != null, "an encryption setting is required; use S3Encryption.NONE for none");
        require(multipartThreshold > 0, "the multipart threshold must be positive");
        require(partSize >= MIN_PART_SIZE, "the part size must be at least 5 MiB (S3's minimum)");
        require(uploadParallelism > 0, "the upload parallelism must be positive");
        require(isPositive(connectTimeout) && isPositive(socketTimeout), "timeouts must be positive");
        require(maxAttempts > 0, "at least one attempt is required");
    }

    /** An S3-compatible server at {@code endpoint} with static keys: path-style, region us-east-1. */
    public static S3StoreConfig forEndpoint(URI endpoint, String bucket, String accessKey, String secretKey) {
        return new S3StoreConfig(bucket, "", DEFAULT_REGION, endpoint, true, accessKey, secretKey, S3Encryption.NONE,
                DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE, 4, Duration.ofSeconds(10), Duration.ofSeconds(60), 3);
    }

    /** A bucket on AWS S3 in {@code region}, with credentials from the SDK's default chain. */
    public static S3StoreConfig forAws(String bucket, String region) {
        return new S3StoreConfig(bucket, "", region, null, false, null, null, S3Encryption.NONE,
                DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE, 4, Duration.ofSeconds(10), Duration.ofSeconds(60), 3);
    }

    /** This config with objects under {@code prefix} inside the bucket. */
    public S3StoreConfig withKeyPrefix(String prefix) {
        return new S3StoreConfig(bucket, prefix, region, endpoint, pathStyle, accessKey, secretKey, encryption,
                multipartThreshold, partSize, uploadParallelism, connectTimeout, socketTimeout, maxAttempts);
    }

    /** This config signing for {@code newRegion}. */
    public S3StoreConfig withRegion(String newRegion) {
        return new S3StoreConfig(bucket, keyPrefix, newRegion, endpoint, pathStyle, accessKey, secretKey, encryption,
                multipartThreshold, partSize, uploadParallelism, connectTimeout, socketTimeout, maxAttempts);
    }

    /** This config with path-style addressing on or off. */
    public S3StoreConfig withPathStyle(boolean on) {
        return new S3StoreConfig(bucket, keyPrefix, region, endpoint, on, accessKey, secretKey, encryption,
                multipartThreshold, partSize, uploadParallelism, connectTimeout, socketTimeout, maxAttempts);
    }

    /** This config with static keys; {@code null} for both selects the SDK's default credential chain. */
    public S3StoreConfig withCredentials(String newAccessKey, String newSecretKey) {
        return new S3StoreConfig(bucket, keyPrefix, region, endpoint, pathStyle, newAccessKey, newSecretKey,
                encryption, multipartThreshold, partSize, uploadParallelism, connectTimeout, socketTimeout,
                maxAttempts);
    }

    /** This config asking for {@code newEncryption} on every object. */
    public S3StoreConfig withEncryption(S3Encryption newEncryption) {
        return new S3StoreConfig(bucket, keyPrefix, region, endpoint, pathStyle, accessKey, secretKey, newEncryption,
                multipartThreshold, partSize, uploadParallelism, connectTimeout, socketTimeout, maxAttempts);
    }

    /** This config uploading objects above {@code threshold} bytes in parts of {@code newPartSize} bytes. */
    public S3StoreConfig withMultipart(long threshold, long newPartSize, int parallelism) {
        return new S3StoreConfig(bucket, keyPrefix, region, endpoint, pathStyle, accessKey, secretKey, encryption,
                threshold, newPartSize, parallelism, connectTimeout, socketTimeout, maxAttempts);
    }

    /** This config with other network timeouts and attempts per request. */
    public S3StoreConfig withTimeouts(Duration connect, Duration socket, int attempts) {
        return new S3StoreConfig(bucket, keyPrefix, region, endpoint, pathStyle, accessKey, secretKey, encryption,
                multipartThreshold, partSize, uploadParallelism, connect, socket, attempts);
    }

    /** Whether static keys are configured rather than the default credential chain. */
    public boolean hasStaticCredentials() {
        return accessKey != null;
    }

    /** The server for messages: the endpoint, or AWS S3 and the region. */
    public String serverDescription() {
        return (endpoint != null ? "S3 endpoint " + endpoint : "AWS S3 in " + region) + " (bucket '" + bucket + "')";
    }

    /** Like the record's own, but never shows the secret key. */
    @Override
    public String toString() {
        return "S3StoreConfig[bucket=" + bucket + ", keyPrefix=" + keyPrefix + ", region=" + region
                + ", endpoint=" + endpoint + ", pathStyle=" + pathStyle + ", accessKey=" + accessKey
                + ", secretKey=" + (secretKey == null ? null : "****") + ", encryption=" + encryption
                + ", multipartThreshold=" + multipartThreshold + ", partSize=" + partSize
                + ", uploadParallelism=" + uploadParallelism + ", connectTimeout=" + connectTimeout
                + ", socketTimeout=" + socketTimeout + ", maxAttempts=" + maxAttempts + "]";
    }

    private static String normalisePrefix(String prefix) {
        if (prefix == null) {
            return "";
        }
        String trimmed = prefix.replaceAll("^/+", "");
        return trimmed.isEmpty() || trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("Invalid S3 store config: " + problem);
        }
    }
}
