package io.kafmirror.engine.mirror;

import io.kafmirror.kfs.catalog.CatalogEntry;

/** Receives what a running backup does; called from engine threads, so implementations must be thread-safe. */
public interface MirrorListener {

    /** A listener that ignores everything. */
    MirrorListener NONE = new MirrorListener() {
    };

    /** A listener telling {@code first}, then {@code second}, everything. */
    static MirrorListener both(MirrorListener first, MirrorListener second) {
        return new MirrorListener() {
            @Override
            public void segmentStored(CatalogEntry entry) {
                first.segmentStored(entry);
                second.segmentStored(entry);
            }

            @Override
            public void event(MirrorEvent event) {
                first.event(event);
                second.event(event);
            }
        };
    }

    /** A segment is durable in the store and catalogued. */
    default void segmentStored(CatalogEntry entry) {
    }

    /** An event the operator must know about. */
    default void event(MirrorEvent event) {
    }
}
