package io.kafmirror.engine.config;

/** What a restore drill does with the stored records of its window. */
public enum DrillMode {
    /** Restores them into a scratch topic, reads it back against the backup, then deletes the scratch topic. */
    RESTORE,
    /** Reads and checksums the stored segments holding them end to end, without producing anything. */
    VERIFY
}
