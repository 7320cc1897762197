package io.kafmirror.kfs.store;

import java.time.Clock;

/**
 * The Object Lock rules a {@link LocalSegmentStore} applies to what it records, mirroring S3 without a
 * governance bypass: no delete under legal hold or unexpired retention, and an unexpired retention may
 * only be extended, never shortened, removed or turned from COMPLIANCE into GOVERNANCE. A defence in
 * depth only: the files themselves stay deletable by anyone with access to the folder.
 */
final class LocalLockRules {

    private final String location;
    private final Clock clock;

    LocalLockRules(String location, Clock clock) {
        this.location = location;
        this.clock = clock;
    }

    /** Throws {@link ObjectLockedException} if {@code attributes} forbid deleting {@code key}. */
    void checkDelete(String key, LocalObjectAttributes attributes) {
        if (attributes.legalHold()) {
            throw new ObjectLockedException(location, key, "a legal hold is recorded; remove it first"
                    + " (a local folder records the hold but cannot enforce it)", null);
        }
        ObjectRetention retention = attributes.retention();
        if (retention.protectsAt(clock.instant())) {
            throw new ObjectLockedException(location, key, "its recorded " + retention.mode()
                    + " retention lasts until " + retention.retainUntil()
                    + " (a local folder records retention but cannot enforce it)", null);
        }
    }

    /** Throws {@link ObjectLockedException} unless the retention of {@code key} may go from current to proposed. */
    void checkRetentionChange(String key, ObjectRetention current, ObjectRetention proposed) {
        if (!current.protectsAt(clock.instant())) {
            return;
        }
        boolean weakens = !proposed.isSet()
                || proposed.retainUntil().isBefore(current.retainUntil())
                || current.mode() == RetentionMode.COMPLIANCE && proposed.mode() != RetentionMode.COMPLIANCE;
        if (weakens) {
            throw new ObjectLockedException(location, key, "its recorded " + current.mode() + " retention until "
                    + current.retainUntil() + " cannot be shortened, weakened or removed", null);
        }
    }
}
