package io.kafmirror.kfs.store;

import java.time.Instant;
import java.util.Map;

/**
 * An object as listed or headed in a store.
 *
 * @param key          the object key
 * @param size         its size in bytes
 * @param lastModified when the store created it
 * @param metadata     user metadata given at creation; empty when a listing does not return it
 */
public record ObjectInfo(String key, long size, Instant lastModified, Map<String, String> metadata) {

    public ObjectInfo {
        metadata = Map.copyOf(metadata);
    }
}
