package io.kafmirror.ui.clusters;

import io.kafmirror.engine.config.LocalStoreConfig;
import io.kafmirror.engine.config.S3BucketConfig;
import io.kafmirror.engine.config.StoreConfig;
import io.kafmirror.kfs.store.LockReport;
import io.kafmirror.kfs.store.SegmentStore;
import io.kafmirror.kfs.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test connection of a store: a local folder is checked for existence, write access and free space; an S3
 * bucket is reached and its versioning and Object Lock read with the store's own check (what
 * {@code kaf-mirror store verify-lock} uses). Blocks: run it off the FX thread.
 */
public final class StoreCheck {

    private static final long MIB = 1L << 20;

    /** Checks {@code store} and reports. */
    public CheckOutcome run(StoreConfig store) {
        if (store instanceof LocalStoreConfig local) {
            return folder(local.path());
        }
        return bucket((S3BucketConfig) store);
    }

    private static CheckOutcome folder(Path folder) {
        // The folder may not exist yet: the store creates it, so what matters is the nearest folder that does.
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return CheckOutcome.failed(existing + " is a file, not a folder: give a folder for the segments");
        }
        if (!Files.isWritable(existing)) {
            return CheckOutcome.failed("Cannot write to " + existing + ": give kaf-mirror's user write access, or"
                    + " choose another folder");
        }
        long free;
        try {
            free = Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return CheckOutcome.failed("Cannot read the free space of " + existing + ": " + e.getMessage());
        }
        String where = existing.equals(folder) ? folder + " is writable"
                : folder + " will be created in " + existing + ", which is writable";
        return CheckOutcome.passed(where + ", " + (free / MIB) + " MiB free",
                "A local folder cannot enforce Object Lock: use an S3 bucket with Object Lock for tamper-proof backups.");
    }

    private static CheckOutcome bucket(S3BucketConfig bucket) {
        try (SegmentStore store = bucket.open()) {
            LockReport lock = store.verifyLock();
            String summary = "Bucket " + bucket.bucket() + " reachable: versioning " + (lock.versioning() ? "on" : "OFF")
                    + ", Object Lock " + (lock.objectLock() ? "on" : "OFF")
                    + (lock.defaultRetention() == null ? ""
                    : ", default retention " + lock.defaultRetention() + " " + lock.defaultRetentionDays() + " days");
            return new CheckOutcome(lock.ok(), summary, String.join("\n", lock.warnings()));
        } catch (StoreException e) {
            return CheckOutcome.failed(e.getMessage());
        }
    }
}
