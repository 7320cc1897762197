package io.kafmirror.kfs.store;

import java.io.InputStream;
import java.util.stream.Stream;

/**
 * A write-once object store holding {@code .kfs} segments and other immutable objects.
 *
 * <p>Keys are never overwritten: {@link #put} fails with {@link KeyAlreadyExistsException} when the
 * key exists, which is how two writers of the same key are fenced. Implementations map their own
 * errors to the {@link StoreException} hierarchy, so callers never see SDK or NIO exceptions.
 */
public interface SegmentStore extends AutoCloseable {

    /** Human-readable location for messages, e.g. {@code s3://bucket/prefix} or {@code file:/data/kfs}. */
    String location();

    /**
     * Creates the object {@code key} with {@code content}. Not idempotent by design: a second put of
     * the same key fails with {@link KeyAlreadyExistsException}, whatever its content.
     */
    void put(String key, ByteSource content, PutOptions options);

    /** Size, last-modified time and user metadata of {@code key}; {@link KeyNotFoundException} if absent. */
    ObjectInfo head(String key);

    /**
     * Reads {@code length} bytes from {@code position}. Returns fewer bytes only when the object ends
     * first; a position at or past the end returns an empty array.
     */
    byte[] read(String key, long position, int length);

    /**
     * The last {@code min(size, maxLength)} bytes of the object with its size and metadata, in one
     * request where the store allows it: how a footer is read without knowing the size first.
     */
    ObjectTail tail(String key, int maxLength);

    /** Streams the whole object; the caller closes the stream. */
    InputStream open(String key);

    /** Objects whose key starts with {@code prefix}, in key order (which the key layout makes time order). Lazy: close the stream. */
    Stream<ObjectInfo> list(String prefix);

    /** Retention and legal hold of {@code key} as the store enforces them. */
    RetentionStatus retention(String key);

    /** Sets or extends the retention of {@code key}; stores refuse to shorten a COMPLIANCE retention. */
    void setRetention(String key, ObjectRetention retention);

    /** Places or removes a legal hold on {@code key}. */
    void setLegalHold(String key, boolean on);

    /**
     * Deletes {@code key} so that its data is gone (on a versioned bucket: every version of it); fails with
     * {@link ObjectLockedException} while retention or a legal hold protects it. Deleting a missing key does nothing.
     */
    void delete(String key);

    /** Checks that the store can enforce immutability (versioning + Object Lock) and says what is missing. */
    LockReport verifyLock();

    @Override
    void close();
}
