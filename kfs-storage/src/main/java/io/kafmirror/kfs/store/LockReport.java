package io.kafmirror.kfs.store;

import java.util.List;

/**
 * What {@link SegmentStore#verifyLock()} found about a store's ability to keep segments immutable.
 *
 * @param location          the store checked
 * @param versioning        whether bucket versioning is enabled
 * @param objectLock        whether Object Lock is enabled on the bucket
 * @param defaultRetention  the mode of the bucket's default retention, or {@code null} when it has none;
 *                          {@code defaultRetentionDays} says its length
 * @param defaultRetentionDays length of the default retention in days, 0 when none
 * @param warnings          plain-language problems an operator must act on; empty when all is well
 */
public record LockReport(String location, boolean versioning, boolean objectLock, RetentionMode defaultRetention,
                         int defaultRetentionDays, List<String> warnings) {

    public LockReport {
        warnings = List.copyOf(warnings);
    }

    /** True when the store enforces immutability and nothing needs attention. */
    public boolean ok() {
        return versioning && objectLock && warnings.isEmpty();
    }
}
