package io.kafmirror.kfs.store;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DefaultRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;

/**
 * Checks whether a bucket can keep segments immutable: versioning on, Object Lock on, and a default
 * retention for objects written without one. Reports, in plain words, what is missing.
 */
final class S3BucketLockCheck {

    private static final int DAYS_PER_YEAR = 365;

    private final S3Client client;
    private final String bucket;
    private final String location;

    S3BucketLockCheck(S3Client client, String bucket, String location) {
        this.client = client;
        this.bucket = bucket;
        this.location = location;
    }

    /** Reads the bucket's versioning and Object Lock configuration; SDK errors are left to the caller. */
    LockReport run() {
        boolean versioning = client.getBucketVersioning(b -> b.bucket(bucket)).status()
                == BucketVersioningStatus.ENABLED;
        ObjectLockConfiguration lock = objectLockConfiguration();
        boolean objectLock = lock != null && lock.objectLockEnabled() == ObjectLockEnabled.ENABLED;
        DefaultRetention retention = objectLock && lock.rule() != null ? lock.rule().defaultRetention() : null;
        RetentionMode mode = retention == null || retention.mode() == null
                ? null
                : RetentionMode.valueOf(retention.modeAsString());
        int days = mode == null ? 0 : lengthInDays(retention);

        List<String> warnings = new ArrayList<>();
        if (!versioning) {
            warnings.add("Versioning is OFF on bucket '" + bucket + "': a delete or overwrite destroys segments for"
                    + " good. Enable versioning (and Object Lock) on the bucket.");
        }
        if (!objectLock) {
            warnings.add("Object Lock is NOT enabled on bucket '" + bucket + "': anyone with delete rights, or"
                    + " ransomware using them, can destroy the backup. Use a bucket created with Object Lock.");
        } else if (mode == null) {
            warnings.add("Bucket '" + bucket + "' has Object Lock but no default retention: objects written"
                    + " without an explicit retention are not protected. Set a default retention (COMPLIANCE).");
        }
        return new LockReport(location, versioning, objectLock, mode, days, warnings);
    }

    private ObjectLockConfiguration objectLockConfiguration() {
        try {
            return client.getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration();
        } catch (SdkException e) {
            if (S3ExceptionTranslator.meansNoLockConfiguration(e)) {
                return null;
            }
            throw e;
        }
    }

    private static int lengthInDays(DefaultRetention retention) {
        if (retention.days() != null) {
            return retention.days();
        }
        return retention.years() == null ? 0 : retention.years() * DAYS_PER_YEAR;
    }
}
