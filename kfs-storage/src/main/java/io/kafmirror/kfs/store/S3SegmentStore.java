package io.kafmirror.kfs.store;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link SegmentStore} in an S3 bucket (AWS S3 or an S3-compatible server), through the AWS SDK v2.
 *
 * <p>Every create sends {@code If-None-Match: *}, so a second writer of a key gets 412 and
 * {@link KeyAlreadyExistsException}; objects above the multipart threshold go through
 * {@link S3MultipartUploader}. Retention, legal hold, metadata and encryption are set by the create
 * request itself (for multipart uploads, checked and applied again after completion where a server ignored them). Uploads carry Content-MD5. Ceph radosgw 16 ignores {@code If-None-Match}, which is why
 * keys are unique per writer by construction and the header is a second line of defence. If a create
 * succeeds but its response is lost, the SDK's retry gets 412: the writer is then told it was fenced
 * although its bytes are stored, which is safe because a fenced writer moves on to a new key.
 *
 * <p>{@link #delete} removes every version of the key, because on a versioned bucket a plain DELETE only
 * hides the data behind a delete marker. Errors are translated in {@link S3ExceptionTranslator}.
 */
public final class S3SegmentStore implements SegmentStore {

    private static final int RANGE_NOT_SATISFIABLE = 416;

    private final S3StoreConfig config;
    private final S3Client client;
    private final ExecutorService uploads;
    private final S3ExceptionTranslator errors;
    private final S3PutRequests requests;
    private final S3MultipartUploader multipart;

    /** A store for {@code config}; it opens no connection until the first call. */
    public S3SegmentStore(S3StoreConfig config) {
        this.config = config;
        this.client = S3ClientFactory.create(config);
        this.uploads = Executors.newFixedThreadPool(config.uploadParallelism(), uploadThreads());
        this.errors = new S3ExceptionTranslator(location(), config.serverDescription());
        this.requests = new S3PutRequests(config.bucket(), config.encryption());
        this.multipart = new S3MultipartUploader(client, uploads, config.uploadParallelism(), config.partSize());
    }

    @Override
    public String location() {
        return "s3://" + config.bucket() + "/" + config.keyPrefix();
    }

    @Override
    public void put(String key, ByteSource content, PutOptions options) {
        String objectKey = objectKey(key);
        try {
            if (content.size() > config.multipartThreshold()) {
                multipart.upload(requests.createMultipartUpload(objectKey, options), content);
                confirmProtection(key, options);
            } else {
                String md5 = ContentMd5.of(content);
                client.putObject(requests.putObject(objectKey, options, content.size(), md5),
                        RequestBody.fromContentProvider(content::openStream, content.size(),
                                "application/octet-stream"));
            }
        } catch (SdkException e) {
            throw errors.translate(e, key);
        } catch (UncheckedIOException e) {
            throw new StoreException("Cannot read the content to store as '" + key + "': " + e.getMessage(), e);
        }
    }

    @Override
    public ObjectInfo head(String key) {
        HeadObjectResponse head = call(key,
                () -> client.headObject(b -> b.bucket(config.bucket()).key(objectKey(key))));
        return new ObjectInfo(key, head.contentLength(), head.lastModified(), head.metadata());
    }

    @Override
    public byte[] read(String key, long position, int length) {
        if (position < 0 || length < 0) {
            throw new IllegalArgumentException("position and length must not be negative");
        }
        if (length == 0) {
            head(key);
            return new byte[0];
        }
        String range = "bytes=" + position + "-" + (position + length - 1);
        try {
            return client.getObjectAsBytes(b -> b.bucket(config.bucket()).key(objectKey(key)).range(range))
                    .asByteArray();
        } catch (S3Exception e) {
            if (e.statusCode() == RANGE_NOT_SATISFIABLE) {
                return new byte[0];
            }
            throw errors.translate(e, key);
        } catch (SdkException e) {
            throw errors.translate(e, key);
        }
    }

    @Override
    public ObjectTail tail(String key, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        try {
            ResponseBytes<GetObjectResponse> got = client.getObjectAsBytes(
                    b -> b.bucket(config.bucket()).key(objectKey(key)).range("bytes=-" + maxLength));
            GetObjectResponse response = got.response();
            long size = ContentRange.totalSize(response.contentRange(), response.contentLength());
            return new ObjectTail(new ObjectInfo(key, size, response.lastModified(), response.metadata()), got.asByteArray());
        } catch (S3Exception e) {
            if (e.statusCode() == RANGE_NOT_SATISFIABLE) {
                return new ObjectTail(head(key), new byte[0]);
            }
            throw errors.translate(e, key);
        } catch (SdkException e) {
            throw errors.translate(e, key);
        }
    }

    @Override
    public InputStream open(String key) {
        return new S3ObjectStream(
                call(key, () -> client.getObject(b -> b.bucket(config.bucket()).key(objectKey(key)))),
                "'" + key + "' from " + location());
    }

    @Override
    public Stream<ObjectInfo> list(String prefix) {
        Iterator<S3Object> objects = call(prefix, () -> client.listObjectsV2Paginator(
                b -> b.bucket(config.bucket()).prefix(objectKey(prefix))).contents().iterator());
        Iterator<ObjectInfo> listed = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return call(prefix, objects::hasNext);
            }

            @Override
            public ObjectInfo next() {
                S3Object object = call(prefix, objects::next);
                return new ObjectInfo(object.key().substring(config.keyPrefix().length()), object.size(),
                        object.lastModified(), Map.of());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(listed, Spliterator.ORDERED), false);
    }

    @Override
    public RetentionStatus retention(String key) {
        head(key);
        ObjectRetention retention = unlessUnlocked(key, ObjectRetention.NONE, () -> retentionOf(
                client.getObjectRetention(b -> b.bucket(config.bucket()).key(objectKey(key))).retention()));
        boolean legalHold = unlessUnlocked(key, false, () -> client.getObjectLegalHold(
                        b -> b.bucket(config.bucket()).key(objectKey(key))).legalHold().status()
                == ObjectLockLegalHoldStatus.ON);
        return new RetentionStatus(key, retention, legalHold, true);
    }

    @Override
    public void setRetention(String key, ObjectRetention retention) {
        ObjectLockRetention.Builder lock = ObjectLockRetention.builder();
        if (retention.isSet()) {
            lock.mode(ObjectLockRetentionMode.fromValue(retention.mode().name()))
                    .retainUntilDate(retention.retainUntil());
        }
        callLockable(key, () -> client.putObjectRetention(
                b -> b.bucket(config.bucket()).key(objectKey(key)).retention(lock.build())));
    }

    @Override
    public void setLegalHold(String key, boolean on) {
        ObjectLockLegalHoldStatus status = on ? ObjectLockLegalHoldStatus.ON : ObjectLockLegalHoldStatus.OFF;
        callLockable(key, () -> client.putObjectLegalHold(
                b -> b.bucket(config.bucket()).key(objectKey(key)).legalHold(h -> h.status(status))));
    }

    @Override
    public void delete(String key) {
        String objectKey = objectKey(key);
        List<String> versionIds = call(key, () -> new S3KeyVersions(client, config.bucket()).newestFirst(objectKey));
        for (String versionId : versionIds) {
            callLockable(key, () -> client.deleteObject(
                    b -> b.bucket(config.bucket()).key(objectKey).versionId(versionId)));
        }
    }

    @Override
    public LockReport verifyLock() {
        return call("", () -> new S3BucketLockCheck(client, config.bucket(), location()).run());
    }

    @Override
    public void close() {
        uploads.shutdown();
        client.close();
    }

    /**
     * Ceph radosgw 16 accepts but ignores the Object Lock headers of CreateMultipartUpload (measured), so a
     * large segment would land unprotected: read the protection back and apply what is missing.
     */
    private void confirmProtection(String key, PutOptions options) {
        if (!options.retention().isSet() && !options.legalHold()) {
            return;
        }
        RetentionStatus status = retention(key);
        if (options.retention().isSet() && !status.retention().isSet()) {
            setRetention(key, options.retention());
        }
        if (options.legalHold() && !status.legalHold()) {
            setLegalHold(key, true);
        }
    }

    private String objectKey(String key) {
        return config.keyPrefix() + key;
    }

    private <T> T call(String key, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw errors.translate(e, key);
        }
    }

    private void callLockable(String key, Supplier<?> request) {
        try {
            request.get();
        } catch (SdkException e) {
            throw errors.translateLockable(e, key);
        }
    }

    /** The value of a lock query, or {@code unlocked} when the bucket or object has no lock configuration. */
    private <T> T unlessUnlocked(String key, T unlocked, Supplier<T> query) {
        try {
            return query.get();
        } catch (SdkException e) {
            if (S3ExceptionTranslator.meansNoLockConfiguration(e)) {
                return unlocked;
            }
            throw errors.translate(e, key);
        }
    }

    private static ObjectRetention retentionOf(ObjectLockRetention lock) {
        if (lock == null || lock.mode() == null || lock.retainUntilDate() == null) {
            return ObjectRetention.NONE;
        }
        return ObjectRetention.of(RetentionMode.valueOf(lock.modeAsString()), lock.retainUntilDate());
    }

    private static ThreadFactory uploadThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "kfs-s3-upload-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
