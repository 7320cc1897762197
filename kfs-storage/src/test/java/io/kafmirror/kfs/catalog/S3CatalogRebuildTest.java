package io.kafmirror.kfs.catalog;

import io.kafmirror.kfs.store.S3MockServer;
import io.kafmirror.kfs.store.S3SegmentStore;
import io.kafmirror.kfs.store.SegmentStore;
import java.util.UUID;

/** The rebuild against a real S3 server: one listing plus one suffix-range GET per segment. */
class S3CatalogRebuildTest extends CatalogRebuildContract {

    private static final String BUCKET = S3MockServer.shared().createBackupBucket("catalog-rebuild");

    @Override
    protected SegmentStore newStore() {
        return new S3SegmentStore(S3MockServer.shared().config(BUCKET).withKeyPrefix("backup-" + UUID.randomUUID()));
    }
}
