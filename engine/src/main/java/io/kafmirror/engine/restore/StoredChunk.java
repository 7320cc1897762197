package io.kafmirror.engine.restore;

import io.kafmirror.kfs.catalog.CatalogChunk;

/** One partition chunk of a stored segment, as the catalog lists it. */
record StoredChunk(String key, CatalogChunk chunk) {

    /** Whether the chunk's offsets have no holes, so a count follows from offsets alone. */
    boolean contiguous() {
        return chunk.lastOffset() - chunk.firstOffset() + 1 == chunk.recordCount();
    }
}
