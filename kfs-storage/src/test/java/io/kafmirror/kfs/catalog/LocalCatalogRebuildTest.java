package io.kafmirror.kfs.catalog;

import io.kafmirror.kfs.store.LocalSegmentStore;
import io.kafmirror.kfs.store.SegmentStore;

class LocalCatalogRebuildTest extends CatalogRebuildContract {

    @Override
    protected SegmentStore newStore() {
        return new LocalSegmentStore(dir.resolve("store"));
    }
}
