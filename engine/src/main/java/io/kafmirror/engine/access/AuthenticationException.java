package io.kafmirror.engine.access;

/**
 * A login or token was refused. A wrong password and an unknown user give the same message, so that the message does
 * not tell whether the user exists; a token that exists but expired or was revoked says so.
 */
public final class AuthenticationException extends RuntimeException {

    /** A refusal saying what to do instead. */
    public AuthenticationException(String message) {
        super(message);
    }
}
