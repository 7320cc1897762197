package io.kafmirror.ui;

import io.kafmirror.kfs.store.LockReport;

/**
 * What a check of one configured store found.
 *
 * @param store the store's name in the configuration
 * @param lock  what it said about Object Lock, or {@code null} when it could not be reached
 * @param error why it could not be reached, or {@code null}
 */
public record StoreStatus(String store, LockReport lock, String error) {

    /** Whether the store answered. */
    public boolean reachable() {
        return error == null;
    }
}
