package io.kafmirror.engine.restore;

/** A restore that cannot be planned as asked; the message says what the backup holds instead. */
public final class RestorePlanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A refusal with its explanation. */
    public RestorePlanException(String message) {
        super(message);
    }
}
