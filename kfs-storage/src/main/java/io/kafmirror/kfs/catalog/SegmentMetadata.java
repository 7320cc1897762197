package io.kafmirror.kfs.catalog;

import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.RetentionMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The user metadata stored with every segment, so a catalog rebuilt from the store alone gets
 * the SHA-256 and the retention without reading whole objects.
 *
 * @param sha256        lower-case hex SHA-256 of the object
 * @param formatVersion the {@code .kfs} format version
 * @param retention     the retention the object was created with
 * @param legalHold     whether it was created under legal hold
 */
public record SegmentMetadata(String sha256, int formatVersion, ObjectRetention retention, boolean legalHold) {

    static final String SHA256 = "kfs-sha256";
    static final String FORMAT_VERSION = "kfs-format-version";
    static final String RETENTION_MODE = "kfs-retention-mode";
    static final String RETAIN_UNTIL = "kfs-retain-until";
    static final String LEGAL_HOLD = "kfs-legal-hold";

    /** As stored. */
    public Map<String, String> toMap() {
        Map<String, String> m = new HashMap<>();
        m.put(SHA256, sha256);
        m.put(FORMAT_VERSION, String.valueOf(formatVersion));
        if (retention.isSet()) {
            m.put(RETENTION_MODE, retention.mode().name());
            m.put(RETAIN_UNTIL, retention.retainUntil().toString());
        }
        m.put(LEGAL_HOLD, String.valueOf(legalHold));
        return m;
    }

    /** Reads metadata written by {@link #toMap()}; a missing or malformed field is an error naming it. */
    public static SegmentMetadata from(Map<String, String> m) {
        String sha = m.get(SHA256);
        if (sha == null || !sha.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("metadata '" + SHA256 + "' is missing or not a SHA-256: " + sha);
        }
        try {
            ObjectRetention retention = m.containsKey(RETENTION_MODE)
                    ? ObjectRetention.of(RetentionMode.valueOf(m.get(RETENTION_MODE)), Instant.parse(m.get(RETAIN_UNTIL)))
                    : ObjectRetention.NONE;
            return new SegmentMetadata(sha, Integer.parseInt(m.getOrDefault(FORMAT_VERSION, "1")), retention,
                    Boolean.parseBoolean(m.get(LEGAL_HOLD)));
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new IllegalArgumentException("metadata retention fields are malformed: " + m, e);
        }
    }
}
