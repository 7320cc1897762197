package io.kafmirror.engine.access;

/** A principal tried what its role does not allow; the message names who, what, and whom to ask. */
public final class AccessDeniedException extends RuntimeException {

    /** Refuses {@code operation} to {@code principal}, naming the roles that may do it. */
    public AccessDeniedException(String message) {
        super(message);
    }
}
