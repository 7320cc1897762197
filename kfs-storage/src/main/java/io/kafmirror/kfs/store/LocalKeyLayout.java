package io.kafmirror.kfs.store;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Where a key of a {@link LocalSegmentStore} lives on disk: {@code a/b/c} is the file {@code <root>/a/b/c},
 * its attributes are in the sidecar {@code c.kfs-meta} beside it, and writes stage in {@code c.<uuid>.kfs-tmp}.
 * File names with those two suffixes are reserved: they are never keys and never listed.
 */
final class LocalKeyLayout {

    private static final String SIDECAR_SUFFIX = ".kfs-meta";
    private static final String TEMP_SUFFIX = ".kfs-tmp";

    private final Path root;

    LocalKeyLayout(Path root) {
        this.root = root;
    }

    /** The folder holding every key. */
    Path root() {
        return root;
    }

    /** The file that holds the bytes of {@code key}. */
    Path objectPath(String key) {
        validate(key);
        return root.resolve(key);
    }

    /** The sidecar holding the metadata, retention and legal hold of the object at {@code objectPath}. */
    Path sidecarPath(Path objectPath) {
        return objectPath.resolveSibling(objectPath.getFileName() + SIDECAR_SUFFIX);
    }

    /** A fresh staging file beside {@code finalPath}, unique to this attempt. */
    Path tempPath(Path finalPath) {
        return finalPath.resolveSibling(finalPath.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
    }

    /** Whether a file name is store bookkeeping rather than an object. */
    boolean isReserved(String fileName) {
        return fileName.endsWith(SIDECAR_SUFFIX) || fileName.endsWith(TEMP_SUFFIX);
    }

    /** The key of the object file {@code file} below the root. */
    String keyOf(Path file) {
        StringBuilder key = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (key.length() > 0) {
                key.append('/');
            }
            key.append(part);
        }
        return key.toString();
    }

    /** The folder a key prefix points into: {@code a/b/c} and {@code a/b/} both point into {@code <root>/a/b}. */
    Path folderOf(String prefix) {
        int slash = prefix.lastIndexOf('/');
        return slash < 0 ? root : objectPath(prefix.substring(0, slash));
    }

    /** The part of a key prefix that file names in {@link #folderOf} must start with: {@code c} for {@code a/b/c}. */
    String namePrefixOf(String prefix) {
        return prefix.substring(prefix.lastIndexOf('/') + 1);
    }

    private void validate(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("A key must not be empty");
        }
        if (key.startsWith("/") || key.endsWith("/") || key.contains("\\") || key.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Key '" + key + "' must be a relative path of '/'-separated names");
        }
        for (String name : key.split("/", -1)) {
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException("Key '" + key + "' has an empty, '.' or '..' part");
            }
            if (isReserved(name)) {
                throw new IllegalArgumentException("Key '" + key + "' ends in a suffix the local store reserves ("
                        + SIDECAR_SUFFIX + ", " + TEMP_SUFFIX + ")");
            }
        }
    }
}
