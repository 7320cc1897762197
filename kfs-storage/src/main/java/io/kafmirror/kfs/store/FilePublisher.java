package io.kafmirror.kfs.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

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

    /**
     * Most bytes handed to one channel write. The JDK copies a heap buffer into a temporary direct
     * buffer as large as the write, so one write of a whole segment would allocate (and keep cached)
     * a direct buffer of the segment's size; pieces keep that buffer small and reused.
     */
    private static final int PIECE = 1024 * 1024;

    /** Writes {@code content} to the new file {@code temp} and forces it to disk; returns the bytes written. */
    long stage(Path temp, InputStream content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             InputStream in = content) {
            long written = in.transferTo(new PieceWriter(channel));
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

    /** An unbuffered stream into a channel that writes at most {@link #PIECE} bytes at a time, straight from the caller's array. */
    private static final class PieceWriter extends OutputStream {

        private final FileChannel channel;

        PieceWriter(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            int end = offset + length;
            for (int from = offset; from < end; from += PIECE) {
                ByteBuffer piece = ByteBuffer.wrap(bytes, from, Math.min(PIECE, end - from));
                while (piece.hasRemaining()) {
                    channel.write(piece);
                }
            }
        }
    }
}
