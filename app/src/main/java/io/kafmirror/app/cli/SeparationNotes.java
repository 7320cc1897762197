package io.kafmirror.app.cli;

import io.kafmirror.engine.config.SeparationWarning;
import java.io.PrintWriter;
import java.util.List;

/** Prints the separation warnings of a configuration under the output of a command, one a line. */
final class SeparationNotes {

    private SeparationNotes() {
    }

    /** Prints {@code warnings}, if any, after a blank line. */
    static void print(PrintWriter out, List<SeparationWarning> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        out.println();
        out.println("Separation warnings:");
        warnings.forEach(w -> out.println("  ! " + w.message()));
    }
}
