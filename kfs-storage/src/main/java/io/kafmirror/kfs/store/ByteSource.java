package io.kafmirror.kfs.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Content of known size that can be streamed more than once (a retried upload re-opens it). */
public interface ByteSource {

    /** Exact number of bytes {@link #openStream()} yields. */
    long size();

    /** A fresh stream over the whole content. */
    InputStream openStream();

    /** Content held in memory; the array is not copied, so do not change it afterwards. */
    static ByteSource of(byte[] bytes) {
        return new ByteSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    /** Content of a file that must not change while it is stored. */
    static ByteSource of(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + file, e);
        }
        return new ByteSource() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream openStream() {
                try {
                    return Files.newInputStream(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot open " + file, e);
                }
            }
        };
    }
}
