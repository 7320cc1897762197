package io.kafmirror.kfs.store;

import java.util.Map;
import java.util.Objects;

/**
 * How an object is created: user metadata stored with it, the Object Lock retention it carries
 * from its first byte, and whether it starts under legal hold.
 *
 * @param metadata  small string pairs (S3 user metadata); keys lower-case {@code [a-z0-9-]}
 * @param retention retention applied at creation, or {@link ObjectRetention#NONE}
 * @param legalHold whether a legal hold is placed at creation
 */
public record PutOptions(Map<String, String> metadata, ObjectRetention retention, boolean legalHold) {

    /** No metadata, no retention, no legal hold. */
    public static final PutOptions DEFAULT = new PutOptions(Map.of(), ObjectRetention.NONE, false);

    public PutOptions {
        metadata = Map.copyOf(Objects.requireNonNull(metadata, "metadata"));
        Objects.requireNonNull(retention, "retention");
    }

    /** These options with {@code metadata} instead. */
    public PutOptions withMetadata(Map<String, String> newMetadata) {
        return new PutOptions(newMetadata, retention, legalHold);
    }

    /** These options with {@code newRetention} instead. */
    public PutOptions withRetention(ObjectRetention newRetention) {
        return new PutOptions(metadata, newRetention, legalHold);
    }
}
