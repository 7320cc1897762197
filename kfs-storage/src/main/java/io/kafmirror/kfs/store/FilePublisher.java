package io.kafmirror.kfs.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Makes files appear under their final name complete and durable, or not at all.
 *
 * <p>A file is first staged: written in full under a temporary name in the same folder and fsynced.
 * {@link #publishNew} then gives it its final name with a hard link, because link(2) fails atomically
 * when the name exists; {@code Files.move} cannot do that (without REPLACE_EXISTING it checks, then
 * renames, which races; with ATOMIC_MOVE it replaces on Linux). Finally the folder is fsynced so the
 * new name survives a crash.
 */
final class FilePublisher {

    /** Writes {@code content} to the new file {@code temp} and forces it to disk; returns the bytes written. */
    long stage(Path temp, InputStream content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             InputStream in = content) {
            OutputStream out = Channels.newOutputStream(channel);
            long written = in.transferTo(out);
            out.flush();
            channel.force(true);
            return written;
        }
    }

    /**
     * Publishes the staged {@code temp} as {@code target}, which must not exist yet.
     *
     * @throws FileAlreadyExistsException when {@code target} exists; {@code temp} is then left for the caller
     */
    void publishNew(Path temp, Path target) throws IOException {
        Files.createLink(target, temp);
        Files.delete(temp);
        syncFolder(target.getParent());
    }

    /** Publishes the staged {@code temp} as {@code target}, atomically replacing what was there. */
    void replace(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(target.getParent());
    }

    /** Forces a folder's entries to disk, so that names created or removed in it survive a crash. */
    void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; there NTFS journals the name change itself.
            if (!isWindows()) {
                throw e;
            }
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
