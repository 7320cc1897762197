package io.kafmirror.engine.mirror;

import io.kafmirror.kfs.catalog.CatalogEntry;

/** Receives what a running backup does; called from engine threads, so implementations must be thread-safe. */
public interface MirrorListener {

    /** A listener that ignores everything. */
    MirrorListener NONE = new MirrorListener() {
    };

    /** A segment is durable in the store and catalogued. */
    default void segmentStored(CatalogEntry entry) {
    }

    /** An event the operator must know about. */
    default void event(MirrorEvent event) {
    }
}
