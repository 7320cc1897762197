package io.kafmirror.engine.testkit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** Damages a segment file of a local store in place, as a failing disk or a hand would: for tests that must catch it. */
public final class SegmentSabotage {

    private SegmentSabotage() {
    }

    /** Inverts every bit of the byte at {@code position} of {@code file}, which the local store keeps read-only. */
    public static void flipByte(Path file, long position) throws IOException {
        if (!file.toFile().setWritable(true)) {
            throw new IOException("Cannot make " + file + " writable to damage it");
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0xff);
        }
    }
}
