package io.kafmirror.kfs.store;

import java.time.Instant;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The create requests of an {@link S3SegmentStore}: a new object carries its user metadata, Object Lock
 * retention, legal hold and encryption from its first byte, so nothing is ever unprotected in between.
 */
final class S3PutRequests {

    private static final String CONTENT_TYPE = "application/octet-stream";

    private final String bucket;
    private final S3Encryption encryption;

    S3PutRequests(String bucket, S3Encryption encryption) {
        this.bucket = bucket;
        this.encryption = encryption;
    }

    /** A single PutObject that only succeeds if no object {@code objectKey} exists ({@code If-None-Match: *}). */
    PutObjectRequest putObject(String objectKey, PutOptions options, long length, String contentMd5) {
        PutObjectRequest.Builder put = PutObjectRequest.builder()
                .bucket(bucket)
                .key(objectKey)
                .ifNoneMatch("*")
                .contentLength(length)
                .contentMD5(contentMd5)
                .contentType(CONTENT_TYPE)
                .metadata(options.metadata());
        protect(options, put::objectLockMode, put::objectLockRetainUntilDate, put::objectLockLegalHoldStatus);
        encrypt(put::serverSideEncryption, put::ssekmsKeyId);
        return put.build();
    }

    /** The start of a multipart upload of {@code objectKey}; its completion carries {@code If-None-Match: *}. */
    CreateMultipartUploadRequest createMultipartUpload(String objectKey, PutOptions options) {
        CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder()
                .bucket(bucket)
                .key(objectKey)
                .contentType(CONTENT_TYPE)
                .metadata(options.metadata());
        protect(options, create::objectLockMode, create::objectLockRetainUntilDate,
                create::objectLockLegalHoldStatus);
        encrypt(create::serverSideEncryption, create::ssekmsKeyId);
        return create.build();
    }

    // The two SDK request builders share no interface, so each passes in its own setters.
    private static void protect(PutOptions options, Consumer<ObjectLockMode> mode, Consumer<Instant> retainUntil,
                                Consumer<ObjectLockLegalHoldStatus> legalHold) {
        ObjectRetention retention = options.retention();
        if (retention.isSet()) {
            mode.accept(ObjectLockMode.fromValue(retention.mode().name()));
            retainUntil.accept(retention.retainUntil());
        }
        if (options.legalHold()) {
            legalHold.accept(ObjectLockLegalHoldStatus.ON);
        }
    }

    private void encrypt(Consumer<ServerSideEncryption> serverSideEncryption, Consumer<String> kmsKeyId) {
        if (encryption.mode() == S3Encryption.Mode.NONE) {
            return;
        }
        serverSideEncryption.accept(encryption.mode() == S3Encryption.Mode.SSE_S3
                ? ServerSideEncryption.AES256
                : ServerSideEncryption.AWS_KMS);
        if (encryption.kmsKeyId() != null) {
            kmsKeyId.accept(encryption.kmsKeyId());
        }
    }
}
