package io.kafmirror.kfs.store;

import java.util.Locale;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** A real S3-compatible server started for tests, and the buckets the tests make on it. */
public interface S3TestServer {

    /** A store config for {@code bucket} on this server, with its test credentials. */
    S3StoreConfig config(String bucket);

    /** Creates a fresh bucket like a real backup bucket (Object Lock, so versioning on) and returns its name. */
    default String createBackupBucket(String purpose) {
        String bucket = bucketName(purpose);
        try (S3Client client = S3ClientFactory.create(config(bucket))) {
            client.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
            client.putBucketVersioning(b -> b.bucket(bucket)
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        }
        return bucket;
    }

    /** Creates a fresh bucket with neither versioning nor Object Lock and returns its name. */
    default String createPlainBucket(String purpose) {
        String bucket = bucketName(purpose);
        try (S3Client client = S3ClientFactory.create(config(bucket))) {
            client.createBucket(b -> b.bucket(bucket));
        }
        return bucket;
    }

    /** A valid, unique bucket name that still says which test made it. */
    private static String bucketName(String purpose) {
        String name = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return (name.length() > 40 ? name.substring(0, 40) : name) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
