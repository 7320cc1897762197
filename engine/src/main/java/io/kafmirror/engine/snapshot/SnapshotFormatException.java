package io.kafmirror.engine.snapshot;

/** A stored snapshot cannot be used: damaged, truncated, of another kind or from a newer format. The message names the key. */
public class SnapshotFormatException extends RuntimeException {

    private final String key;

    SnapshotFormatException(String key, String problem) {
        this(key, problem, null);
    }

    SnapshotFormatException(String key, String problem, Throwable cause) {
        super("Snapshot " + key + " " + problem, cause);
        this.key = key;
    }

    /** The key of the snapshot that failed. */
    public String key() {
        return key;
    }
}
