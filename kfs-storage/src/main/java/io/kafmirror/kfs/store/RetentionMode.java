package io.kafmirror.kfs.store;

/** S3 Object Lock retention modes. */
public enum RetentionMode {
    /** Nobody, not even the root account, can delete the object or shorten its retention before it expires. */
    COMPLIANCE,
    /** Users holding the bypass-governance permission can delete or shorten; everybody else cannot. */
    GOVERNANCE
}
