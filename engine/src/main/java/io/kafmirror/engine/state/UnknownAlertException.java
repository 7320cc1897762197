package io.kafmirror.engine.state;

/** An alert id that names no alert: no history entry has it, or its entry is a routine event or a change someone made. */
public final class UnknownAlertException extends IllegalArgumentException {

    UnknownAlertException(long id, String what) {
        super("There is no alert " + id + ": " + what + ". List the alerts and their ids with 'kaf-mirror alerts list --all'.");
    }
}
