package io.kafmirror.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary folder that is removed with all it holds on {@link #close}, so a run leaves no gigabytes behind. */
final class ScratchDir implements AutoCloseable {

    private final Path path;

    private ScratchDir(Path path) {
        this.path = path;
    }

    /** A new folder named {@code prefix…} under {@code parent}, or under the system temporary folder when it is null. */
    static ScratchDir create(Path parent, String prefix) throws IOException {
        return new ScratchDir(parent == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(parent, prefix));
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the scratch folder " + path, e);
        }
    }
}
