package io.kafmirror.kfs.store;

/** A store operation failed; the message names the store, the key and what to do. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
