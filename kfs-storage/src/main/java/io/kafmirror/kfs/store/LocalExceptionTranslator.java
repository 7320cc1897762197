package io.kafmirror.kfs.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Objects;

/** Turns file-system errors of a {@link LocalSegmentStore} into store errors that say what to do. */
final class LocalExceptionTranslator {

    private final Path root;

    LocalExceptionTranslator(Path root) {
        this.root = root;
    }

    /** Whether {@code e} only says that the path does not exist, e.g. key {@code a/b} when {@code a} is a file. */
    static boolean isMissing(IOException e) {
        return e instanceof NoSuchFileException
                || e instanceof FileSystemException fse && "Not a directory".equals(fse.getReason());
    }

    /** The store error for {@code e}, raised while {@code action} (e.g. "writing 'a/b'") on {@code path}. */
    StoreException translate(IOException e, String action, Path path) {
        String reason = e instanceof FileSystemException fse ? Objects.toString(fse.getReason(), "") : "";
        String where = " on " + path + " while " + action;
        if (e instanceof AccessDeniedException || reason.contains("Permission denied")) {
            return new StoreException("Permission denied" + where + ". Give the user running kaf-mirror read and"
                    + " write access to " + root + ".", e);
        }
        if (reason.contains("No space left") || reason.contains("quota")) {
            return new StoreException("The disk holding " + root + " is full (" + reason + ")" + where
                    + ". Free space or move the store to a larger volume; nothing partial was published.", e);
        }
        if (reason.contains("Read-only file system")) {
            return new StoreException(root + " is on a read-only file system" + where
                    + ". Mount it read-write or choose another folder.", e);
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException
                || reason.contains("Not a directory")) {
            return new StoreException("A file is in the way" + where + ": " + e.getMessage()
                    + " is not a folder. Remove or move that file, or choose another store folder.", e);
        }
        return new StoreException("I/O error" + where + ": " + e, e);
    }
}
