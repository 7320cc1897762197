package io.kafmirror.kfs.store;

/** The store cannot be reached or refused our credentials; retrying later may succeed. */
public class StoreUnavailableException extends StoreException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
