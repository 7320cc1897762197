package io.kafmirror.kfs.store;

import static io.kafmirror.kfs.store.LocalExceptionTranslator.isMissing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A {@link SegmentStore} in a local folder: the embedded default for air-gapped workstations.
 *
 * <p>Key {@code a/b} is the file {@code <root>/a/b}; its metadata, retention and legal hold live in a
 * sidecar beside it ({@link LocalKeyLayout}, {@link LocalObjectAttributes}). A put stages both files in
 * full and fsyncs them, then publishes the sidecar and then the data, each with link(2)
 * ({@link FilePublisher}). Publishing the sidecar is what fences two writers of one key, and an object
 * never becomes visible without its attributes. Published object files are read-only.
 *
 * <p>Crash policy: a crash while staging leaves hidden {@code *.kfs-tmp} files that may be removed
 * while no writer runs. A crash between the two links leaves a sidecar without data: the key reads as
 * missing, a put of it is fenced, and {@link #delete} clears it.
 *
 * <p><b>Not tamper-proof.</b> A folder cannot enforce Object Lock. Recorded retention and legal holds
 * make {@link #delete} and {@link #setRetention} refuse as a defence in depth, but anyone with access
 * to the folder can still change or delete the files: {@link #retention} reports {@code enforced=false}
 * and {@link #verifyLock} says so. Attribute changes are serialised within this process only.
 */
public final class LocalSegmentStore implements SegmentStore {

    private static final String NOT_ENFORCED_WARNING = "A local folder cannot enforce immutability: anyone with"
            + " access to it can delete or change segments, whatever retention or legal hold kaf-mirror records."
            + " Use an S3 bucket with versioning and Object Lock (COMPLIANCE) for backups that must be tamper-proof.";

    private final LocalKeyLayout layout;
    private final LocalExceptionTranslator errors;
    private final FilePublisher publisher = new FilePublisher();
    private final LocalLockRules lockRules;

    /** Opens the store in {@code root}, creating the folder when it is missing. */
    public LocalSegmentStore(Path root) {
        Path folder = root.toAbsolutePath().normalize();
        this.layout = new LocalKeyLayout(folder);
        this.errors = new LocalExceptionTranslator(folder);
        this.lockRules = new LocalLockRules(location(), Clock.systemUTC());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw errors.translate(e, "creating the store folder", folder);
        }
    }

    @Override
    public String location() {
        return "file:" + layout.root();
    }

    @Override
    public void put(String key, ByteSource content, PutOptions options) {
        Path target = layout.objectPath(key);
        Path sidecar = layout.sidecarPath(target);
        Path dataTemp = layout.tempPath(target);
        Path sidecarTemp = layout.tempPath(sidecar);
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(sidecar) || Files.exists(target)) {
                throw new KeyAlreadyExistsException(location(), key);
            }
            stageData(key, content, dataTemp);
            publisher.stage(sidecarTemp, new ByteArrayInputStream(LocalObjectAttributes.of(options).toBytes()));
            publishSidecar(key, sidecarTemp, sidecar);
            publishData(key, dataTemp, target, sidecar);
        } catch (IOException e) {
            throw errors.translate(e, "writing '" + key + "'", target);
        } finally {
            deleteQuietly(dataTemp);
            deleteQuietly(sidecarTemp);
        }
    }

    @Override
    public ObjectInfo head(String key) {
        Path target = layout.objectPath(key);
        BasicFileAttributes file = objectFile(key, target);
        return new ObjectInfo(key, file.size(), file.lastModifiedTime().toInstant(),
                attributes(key, target).metadata());
    }

    @Override
    public ObjectTail tail(String key, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        ObjectInfo info = head(key);
        long from = Math.max(0, info.size() - maxLength);
        return new ObjectTail(info, read(key, from, (int) (info.size() - from)));
    }

    @Override
    public byte[] read(String key, long position, int length) {
        if (position < 0 || length < 0) {
            throw new IllegalArgumentException("position and length must not be negative");
        }
        Path target = layout.objectPath(key);
        long size = objectFile(key, target).size();
        if (position >= size) {
            return new byte[0];
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, size - position));
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ)) {
            int count;
            do {
                count = channel.read(buffer, position + buffer.position());
            } while (count >= 0 && buffer.hasRemaining());
        } catch (IOException e) {
            throw readFailure(e, key, target);
        }
        return buffer.hasRemaining() ? Arrays.copyOf(buffer.array(), buffer.position()) : buffer.array();
    }

    @Override
    public InputStream open(String key) {
        Path target = layout.objectPath(key);
        objectFile(key, target);
        try {
            return Files.newInputStream(target);
        } catch (IOException e) {
            throw readFailure(e, key, target);
        }
    }

    @Override
    public Stream<ObjectInfo> list(String prefix) {
        KeyOrderWalk walk = new KeyOrderWalk(layout.folderOf(prefix), layout.namePrefixOf(prefix),
                layout::isReserved, errors);
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(walk, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .map(this::listed)
                .filter(Objects::nonNull);
    }

    @Override
    public RetentionStatus retention(String key) {
        Path target = layout.objectPath(key);
        objectFile(key, target);
        LocalObjectAttributes attributes = attributes(key, target);
        return new RetentionStatus(key, attributes.retention(), attributes.legalHold(), false);
    }

    @Override
    public synchronized void setRetention(String key, ObjectRetention retention) {
        Path target = layout.objectPath(key);
        objectFile(key, target);
        LocalObjectAttributes current = attributes(key, target);
        lockRules.checkRetentionChange(key, current.retention(), retention);
        writeAttributes(key, target, current.withRetention(retention));
    }

    @Override
    public synchronized void setLegalHold(String key, boolean on) {
        Path target = layout.objectPath(key);
        objectFile(key, target);
        writeAttributes(key, target, attributes(key, target).withLegalHold(on));
    }

    @Override
    public synchronized void delete(String key) {
        Path target = layout.objectPath(key);
        Path sidecar = layout.sidecarPath(target);
        try {
            boolean removed = false;
            if (Files.isRegularFile(target)) {
                lockRules.checkDelete(key, attributes(key, target));
                // Windows refuses to delete read-only files; POSIX only looks at the folder's permissions.
                target.toFile().setWritable(true);
                Files.delete(target);
                removed = true;
            }
            if (Files.deleteIfExists(sidecar) || removed) {
                publisher.syncFolder(target.getParent());
            }
        } catch (IOException e) {
            if (!isMissing(e)) {
                throw errors.translate(e, "deleting '" + key + "'", target);
            }
        }
    }

    @Override
    public LockReport verifyLock() {
        return new LockReport(location(), false, false, null, 0, List.of(NOT_ENFORCED_WARNING));
    }

    @Override
    public void close() {
        // Holds no open files or threads between calls.
    }

    private void stageData(String key, ByteSource content, Path temp) throws IOException {
        long written;
        try {
            written = publisher.stage(temp, content.openStream());
        } catch (UncheckedIOException e) {
            throw new StoreException("Cannot read the content to store as '" + key + "': " + e.getMessage(), e);
        }
        if (written != content.size()) {
            throw new StoreException("The content for '" + key + "' had " + written + " bytes, not the "
                    + content.size() + " its source declared; nothing was stored.");
        }
        if (!temp.toFile().setReadOnly()) {
            throw new StoreException("Cannot make " + temp + " read-only; check the file system of " + layout.root());
        }
    }

    private void publishSidecar(String key, Path temp, Path sidecar) throws IOException {
        try {
            publisher.publishNew(temp, sidecar);
        } catch (FileAlreadyExistsException e) {
            throw new KeyAlreadyExistsException(location(), key);
        }
    }

    private void publishData(String key, Path temp, Path target, Path sidecar) throws IOException {
        try {
            publisher.publishNew(temp, target);
        } catch (IOException e) {
            // Our sidecar claimed the key; release it so that no attributes describe data we did not publish.
            deleteQuietly(sidecar);
            if (e instanceof FileAlreadyExistsException) {
                throw new KeyAlreadyExistsException(location(), key);
            }
            throw e;
        }
    }

    private BasicFileAttributes objectFile(String key, Path target) {
        try {
            BasicFileAttributes file = Files.readAttributes(target, BasicFileAttributes.class);
            if (file.isRegularFile()) {
                return file;
            }
        } catch (IOException e) {
            if (!isMissing(e)) {
                throw errors.translate(e, "reading '" + key + "'", target);
            }
        }
        throw new KeyNotFoundException(location(), key);
    }

    private LocalObjectAttributes attributes(String key, Path target) {
        Path sidecar = layout.sidecarPath(target);
        try (InputStream in = Files.newInputStream(sidecar)) {
            return LocalObjectAttributes.parse(in);
        } catch (IOException e) {
            if (isMissing(e)) {
                return LocalObjectAttributes.NONE;
            }
            throw errors.translate(e, "reading the attributes of '" + key + "'", sidecar);
        } catch (RuntimeException e) {
            throw new StoreException("The attributes file " + sidecar + " of '" + key + "' is damaged (" + e
                    + "). Restore it from a copy, or delete it to drop the object's metadata and retention.", e);
        }
    }

    private void writeAttributes(String key, Path target, LocalObjectAttributes attributes) {
        Path sidecar = layout.sidecarPath(target);
        Path temp = layout.tempPath(sidecar);
        try {
            publisher.stage(temp, new ByteArrayInputStream(attributes.toBytes()));
            publisher.replace(temp, sidecar);
        } catch (IOException e) {
            throw errors.translate(e, "writing the attributes of '" + key + "'", sidecar);
        } finally {
            deleteQuietly(temp);
        }
    }

    private ObjectInfo listed(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new ObjectInfo(layout.keyOf(file), attributes.size(), attributes.lastModifiedTime().toInstant(),
                    Map.of());
        } catch (IOException e) {
            if (isMissing(e)) {
                return null;
            }
            throw errors.translate(e, "listing", file);
        }
    }

    private StoreException readFailure(IOException e, String key, Path target) {
        return isMissing(e)
                ? new KeyNotFoundException(location(), key)
                : errors.translate(e, "reading '" + key + "'", target);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Only a leftover staging file, hidden from listings; the error that matters is already on its way.
        }
    }
}
