package io.kafmirror.kfs.store;

/** The store refused a delete or retention change because Object Lock or a legal hold protects the object. */
public class ObjectLockedException extends StoreException {

    public ObjectLockedException(String location, String key, String detail, Throwable cause) {
        super("Object '" + key + "' in " + location + " is protected by Object Lock: " + detail, cause);
    }
}
