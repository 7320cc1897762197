package io.kafmirror.engine.mirror;

import io.kafmirror.kfs.catalog.CatalogEntry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a mirror reported, in order, for assertions. */
final class RecordingListener implements MirrorListener {

    final List<MirrorEvent> events = new CopyOnWriteArrayList<>();
    final List<CatalogEntry> stored = new CopyOnWriteArrayList<>();

    @Override
    public void segmentStored(CatalogEntry entry) {
        stored.add(entry);
    }

    @Override
    public void event(MirrorEvent event) {
        events.add(event);
    }

    /** Types of the events reported so far. */
    List<MirrorEvent.Type> eventTypes() {
        return events.stream().map(MirrorEvent::type).toList();
    }
}
