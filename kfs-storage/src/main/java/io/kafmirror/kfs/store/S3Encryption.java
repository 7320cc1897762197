package io.kafmirror.kfs.store;

/**
 * Server-side encryption asked of S3 for every object an {@link S3SegmentStore} creates.
 *
 * @param mode     which kind of server-side encryption
 * @param kmsKeyId the KMS key id or ARN for {@link Mode#SSE_KMS}; {@code null} uses the account's default key
 */
public record S3Encryption(Mode mode, String kmsKeyId) {

    /** The kinds of server-side encryption. */
    public enum Mode {
        /** Ask for none; the bucket's default encryption still applies. */
        NONE,
        /** SSE-S3: keys managed by the S3 service (AES256). */
        SSE_S3,
        /** SSE-KMS: keys held in a key management service. */
        SSE_KMS
    }

    /** No encryption header is sent. */
    public static final S3Encryption NONE = new S3Encryption(Mode.NONE, null);

    /** SSE-S3. */
    public static final S3Encryption SSE_S3 = new S3Encryption(Mode.SSE_S3, null);

    /** Checks that a KMS key id only comes with SSE-KMS. */
    public S3Encryption {
        if (mode == null) {
            throw new IllegalArgumentException("An encryption mode is required; use NONE for none");
        }
        if (kmsKeyId != null && mode != Mode.SSE_KMS) {
            throw new IllegalArgumentException("A KMS key id only goes with SSE_KMS");
        }
    }

    /** SSE-KMS with the key {@code kmsKeyId}, or the account's default KMS key when it is {@code null}. */
    public static S3Encryption sseKms(String kmsKeyId) {
        return new S3Encryption(Mode.SSE_KMS, kmsKeyId);
    }
}
