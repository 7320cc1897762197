package io.kafmirror.kfs.store;

/**
 * Another writer already created this key. Segments are write-once, so the losing writer must
 * not retry under the same key: it is fenced and should stop or pick a new key.
 */
public class KeyAlreadyExistsException extends StoreException {

    public KeyAlreadyExistsException(String location, String key) {
        super("Object '" + key + "' already exists in " + location
                + ": another writer created it first. Objects are never overwritten; this writer is fenced.");
    }
}
