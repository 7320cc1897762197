package io.kafmirror.ui;

import io.kafmirror.kfs.store.LockReport;
import java.util.List;

/**
 * What a check of one configured store found.
 *
 * @param store the store's name in the configuration
 * @param lock  what it said about Object Lock, or {@code null} when it could not be reached
 * @param error why it could not be reached, or {@code null}
 * @param separation the configuration's separation warnings about this store (shared credentials, jobs not locked)
 */
public record StoreStatus(String store, LockReport lock, String error, List<String> separation) {

    /** Copies the warnings. */
    public StoreStatus {
        separation = List.copyOf(separation);
    }

    /** Whether the store answered. */
    public boolean reachable() {
        return error == null;
    }
}
