package io.kafmirror.engine.restore;

/** The target cluster did not take the offsets of one or more consumer groups; the message names each and what to do. */
public final class GroupOffsetCommitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A refusal with what went wrong and what to do. */
    public GroupOffsetCommitException(String message, Throwable cause) {
        super(message, cause);
    }
}
