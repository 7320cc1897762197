package io.kafmirror.engine.mirror;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/** The source cluster could not be read: unreachable, TLS failed, or it refused our credentials or permissions. */
public class SourceAccessException extends RuntimeException {

    private final boolean authFailure;

    public SourceAccessException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private SourceAccessException(String message, Throwable cause, boolean authFailure) {
        super(message, cause);
        this.authFailure = authFailure;
    }

    /**
     * Whether the source refused who we are or what we asked for, or TLS could not establish trust either way:
     * a setting to fix, as opposed to a source that is unreachable.
     */
    public boolean authFailure() {
        return authFailure;
    }

    /** The operator-facing explanation of {@code cause}, which happened while {@code doing}. */
    public static SourceAccessException from(Throwable cause, String doing) {
        if (cause instanceof SslAuthenticationException tls) {
            return new SourceAccessException(TlsHandshakeFailure.explain(tls, doing), cause, true);
        }
        if (cause instanceof AuthenticationException) {
            return new SourceAccessException("The source cluster rejected our credentials while " + doing + ": "
                    + cause.getMessage() + ". Check the user name, password and SASL mechanism of the cluster.",
                    cause, true);
        }
        if (cause instanceof AuthorizationException) {
            return new SourceAccessException("The source cluster denied access while " + doing + ": "
                    + cause.getMessage() + ". Grant the backup user Describe and Read on the topics"
                    + " (and Describe on the cluster).", cause, true);
        }
        return new SourceAccessException("Cannot reach the source cluster while " + doing + ": "
                + cause.getMessage(), cause);
    }
}
