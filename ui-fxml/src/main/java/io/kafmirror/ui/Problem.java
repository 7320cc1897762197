package io.kafmirror.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure as an operator reads it: one message saying what went wrong, and details (the chain of causes,
 * never a stack trace) for whoever wants to dig.
 *
 * @param message what went wrong, in plain words
 * @param details the causes, one per line
 */
public record Problem(String message, String details) {

    /** The problem {@code failure} describes. Our exceptions' messages already say what failed and what to do. */
    public static Problem of(Throwable failure) {
        List<String> causes = new ArrayList<>();
        for (Throwable t = failure; t != null && causes.size() < 10; t = t.getCause() == t ? null : t.getCause()) {
            causes.add(t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        }
        String details = String.join("\ncaused by ", causes);
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            // A bare NullPointerException and the like say nothing to an operator: name it and point to the details.
            message = "Something unexpected went wrong (" + failure.getClass().getSimpleName()
                    + "). The console carries on; the details and the log say where.";
        }
        return new Problem(message, details);
    }
}
