package io.kafmirror.engine.restore;

/** A target topic that cannot take a restore as asked; the message names the topic, why, and what to do. */
public final class TargetTopicException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A refusal with its explanation. */
    public TargetTopicException(String message) {
        super(message);
    }

    /** A failure of the target cluster, with what to do. */
    public TargetTopicException(String message, Throwable cause) {
        super(message, cause);
    }
}
