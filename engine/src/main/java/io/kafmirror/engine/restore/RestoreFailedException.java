package io.kafmirror.engine.restore;

/** A restore that stopped on an error; what is in the target stays, and running the restore again resumes it. */
public final class RestoreFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with what went wrong and what to do. */
    public RestoreFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
