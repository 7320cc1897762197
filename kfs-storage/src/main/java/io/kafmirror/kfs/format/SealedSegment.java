package io.kafmirror.kfs.format;

/**
 * A finished segment, ready to be stored.
 *
 * @param bytes  the whole object; do not modify
 * @param footer its footer, as written
 * @param sha256 lower-case hex SHA-256 of {@code bytes}, recorded in the catalog
 */
public record SealedSegment(byte[] bytes, SegmentFooter footer, String sha256) {
}
