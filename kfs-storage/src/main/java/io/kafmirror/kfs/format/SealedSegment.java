package io.kafmirror.kfs.format;

/**
 * A finished segment, ready to be stored.
 *
 * <p>Its SHA-256 is computed on the first call to {@link #sha256()}, not when it is sealed: the
 * hash is needed only to publish, so a mirror that seals on its consumer thread and publishes on
 * an upload thread pays for it on the upload thread.
 */
public final class SealedSegment {

    private final byte[] bytes;
    private final SegmentFooter footer;
    private final Object hashLock = new Object();
    private volatile String sha256;

    SealedSegment(byte[] bytes, SegmentFooter footer) {
        this.bytes = bytes;
        this.footer = footer;
    }

    /** The whole object; do not modify. */
    public byte[] bytes() {
        return bytes;
    }

    /** Its footer, as written. */
    public SegmentFooter footer() {
        return footer;
    }

    /** Lower-case hex SHA-256 of {@link #bytes()}, recorded in the catalog; computed once, by the first caller. */
    public String sha256() {
        String hash = sha256;
        if (hash == null) {
            // Locked so that threads asking at once wait for one computation instead of hashing 64 MiB each.
            synchronized (hashLock) {
                hash = sha256;
                if (hash == null) {
                    hash = Sha256.hex(bytes);
                    sha256 = hash;
                }
            }
        }
        return hash;
    }
}
