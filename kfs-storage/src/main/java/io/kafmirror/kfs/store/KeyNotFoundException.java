package io.kafmirror.kfs.store;

/** The key does not exist in the store. */
public class KeyNotFoundException extends StoreException {

    public KeyNotFoundException(String location, String key) {
        super("No object '" + key + "' in " + location);
    }
}
