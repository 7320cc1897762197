package io.kafmirror.engine.config;

import io.kafmirror.kfs.store.S3Encryption;
import io.kafmirror.kfs.store.S3SegmentStore;
import io.kafmirror.kfs.store.S3StoreConfig;
import io.kafmirror.kfs.store.SegmentStore;
import java.net.URI;
import java.time.Duration;

/**
 * A store in an S3 bucket ({@code type: s3}), on AWS or an S3-compatible server; the fields map onto
 * kfs-storage's {@link S3StoreConfig}, whose defaults fill what is left out.
 *
 * @param bucket             the bucket; it should have versioning and Object Lock enabled
 * @param region             signing region; required on AWS, default {@code us-east-1} with an {@code endpoint}
 * @param endpoint           an S3-compatible server ({@code http(s)://host:port}); absent for AWS S3
 * @param pathStyle          address the bucket in the path; default true with an {@code endpoint}, false on AWS
 * @param accessKey          static access key id; absent: the AWS default credential chain
 * @param secretKey          static secret key, given exactly when {@code accessKey} is
 * @param keyPrefix          folder inside the bucket; default none
 * @param encryption         server-side encryption of new objects; default none (the bucket's default applies)
 * @param kmsKeyId           KMS key id or ARN for {@code sse_kms}; absent: the account's default key
 * @param multipartThreshold objects above this size are uploaded in parts
 * @param partSize           size of one part, at least 5 MiB
 * @param uploadParallelism  parts of one object uploaded at once
 * @param connectTimeout     how long to wait for a connection
 * @param socketTimeout      how long to wait for data on an open connection
 * @param maxAttempts        attempts per request, the first included
 */
public record S3BucketConfig(String bucket, String region, URI endpoint, Boolean pathStyle, Secret accessKey,
                             Secret secretKey, String keyPrefix, S3Encryption.Mode encryption, String kmsKeyId,
                             @SizeInBytes Long multipartThreshold, @SizeInBytes Long partSize, Integer uploadParallelism,
                             Duration connectTimeout, Duration socketTimeout, Integer maxAttempts)
        implements StoreConfig {

    /** The YAML {@code type} of this store. */
    public static final String TYPE = "s3";

    private static final S3StoreConfig DEFAULTS = S3StoreConfig.forAws("defaults", S3StoreConfig.DEFAULT_REGION);

    /** Applies defaults and checks the settings as {@link S3StoreConfig} will. */
    public S3BucketConfig {
        if (bucket == null || bucket.isBlank()) {
            throw ConfigException.at("bucket", "is required: the bucket that holds the segments");
        }
        if (endpoint != null && (endpoint.getHost() == null
                || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())))) {
            throw ConfigException.at("endpoint", "'" + endpoint + "' is not an http(s)://host[:port] address of an S3 server");
        }
        if (region == null) {
            if (endpoint == null) {
                throw ConfigException.at("region", "is required for AWS S3 (e.g. eu-central-1);"
                        + " for an S3-compatible server set endpoint as well");
            }
            region = S3StoreConfig.DEFAULT_REGION;
        }
        pathStyle = pathStyle != null ? pathStyle : endpoint != null;
        keyPrefix = keyPrefix != null ? keyPrefix : "";
        encryption = encryption != null ? encryption : S3Encryption.Mode.NONE;
        multipartThreshold = multipartThreshold != null ? multipartThreshold : DEFAULTS.multipartThreshold();
        partSize = partSize != null ? partSize : DEFAULTS.partSize();
        uploadParallelism = uploadParallelism != null ? uploadParallelism : DEFAULTS.uploadParallelism();
        connectTimeout = connectTimeout != null ? connectTimeout : DEFAULTS.connectTimeout();
        socketTimeout = socketTimeout != null ? socketTimeout : DEFAULTS.socketTimeout();
        maxAttempts = maxAttempts != null ? maxAttempts : DEFAULTS.maxAttempts();
        storeConfig(bucket, region, endpoint, pathStyle, accessKey, secretKey, keyPrefix, encryption, kmsKeyId,
                multipartThreshold, partSize, uploadParallelism, connectTimeout, socketTimeout, maxAttempts);
    }

    /** A bucket on AWS S3 with credentials from the default chain and every other setting at its default. */
    public static S3BucketConfig aws(String bucket, String region) {
        return new S3BucketConfig(bucket, region, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** kfs-storage's settings for this bucket, secrets revealed for the S3 client. */
    public S3StoreConfig toStoreConfig() {
        return storeConfig(bucket, region, endpoint, pathStyle, accessKey, secretKey, keyPrefix, encryption, kmsKeyId,
                multipartThreshold, partSize, uploadParallelism, connectTimeout, socketTimeout, maxAttempts);
    }

    @Override
    public SegmentStore open() {
        return new S3SegmentStore(toStoreConfig());
    }

    // One place turns the YAML fields into kfs-storage's record, so loading checks exactly what opening uses.
    private static S3StoreConfig storeConfig(String bucket, String region, URI endpoint, boolean pathStyle,
                                             Secret accessKey, Secret secretKey, String keyPrefix,
                                             S3Encryption.Mode encryption, String kmsKeyId, long multipartThreshold,
                                             long partSize, int uploadParallelism, Duration connectTimeout,
                                             Duration socketTimeout, int maxAttempts) {
        if (kmsKeyId != null && encryption != S3Encryption.Mode.SSE_KMS) {
            throw ConfigException.at("kms_key_id", "only goes with encryption: sse_kms");
        }
        try {
            return new S3StoreConfig(bucket, keyPrefix, region, endpoint, pathStyle,
                    accessKey == null ? null : accessKey.reveal(), secretKey == null ? null : secretKey.reveal(),
                    new S3Encryption(encryption, kmsKeyId), multipartThreshold, partSize, uploadParallelism,
                    connectTimeout, socketTimeout, maxAttempts);
        } catch (IllegalArgumentException e) {
            throw ConfigException.at(ConfigPath.ROOT, e.getMessage(), e);
        }
    }
}
