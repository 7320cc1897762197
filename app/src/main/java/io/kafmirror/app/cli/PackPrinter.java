package io.kafmirror.app.cli;

import io.kafmirror.engine.evidence.PackExport;
import java.io.PrintWriter;

/** Says what the {@code evidence} commands wrote: the pack, what it covers and the key that signed it. */
final class PackPrinter {

    private PackPrinter() {
    }

    /** Prints {@code pack} on {@code printed}. */
    static void print(PackExport.Exported pack, PrintWriter printed) {
        printed.printf("Wrote the evidence pack %s: %d files, %s to %s, %,d segments in %s.%n", pack.file(), pack.files(),
                pack.period().from(), pack.period().to(), pack.segments(), String.join(", ", pack.stores()));
        printed.printf("Manifest SHA-256 %s, signed with the key %s (fingerprint SHA-256 %s).%n", pack.manifestSha256(),
                pack.keyFile(), pack.keyFingerprint());
        printed.flush();
    }
}
