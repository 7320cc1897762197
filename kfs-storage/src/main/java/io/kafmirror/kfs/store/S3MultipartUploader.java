package io.kafmirror.kfs.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

/**
 * Uploads one large object in parts, several at once, and completes it only if its key is still free
 * ({@code If-None-Match: *} on CompleteMultipartUpload).
 *
 * <p>Parts are read one after another from the source and handed to a small shared executor; at most
 * {@code parallelism} are in flight while the next is read, which bounds memory to
 * {@code (parallelism + 1) * partSize}. Each part carries its Content-MD5. Any failure waits for the
 * parts in flight and then aborts the upload, so no orphaned parts stay (and are billed) on the server.
 * SDK errors are rethrown as they are, for the store to translate.
 */
final class S3MultipartUploader {

    private static final int MAX_PARTS = 10_000;

    private final S3Client client;
    private final ExecutorService executor;
    private final int parallelism;
    private final long partSize;

    S3MultipartUploader(S3Client client, ExecutorService executor, int parallelism, long partSize) {
        this.client = client;
        this.executor = executor;
        this.parallelism = parallelism;
        this.partSize = partSize;
    }

    /** Uploads {@code content} as the object {@code create} describes. */
    void upload(CreateMultipartUploadRequest create, ByteSource content) {
        String uploadId = client.createMultipartUpload(create).uploadId();
        try {
            List<CompletedPart> parts = uploadParts(create, uploadId, content);
            client.completeMultipartUpload(b -> b.bucket(create.bucket()).key(create.key()).uploadId(uploadId)
                    .ifNoneMatch("*")
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException | Error e) {
            abort(create, uploadId, e);
            throw e;
        }
    }

    private List<CompletedPart> uploadParts(CreateMultipartUploadRequest create, String uploadId, ByteSource content) {
        List<Future<CompletedPart>> inFlight = new ArrayList<>();
        RuntimeException failure = null;
        try {
            submitParts(create, uploadId, content, inFlight);
        } catch (RuntimeException e) {
            failure = e;
        }
        List<CompletedPart> parts = new ArrayList<>();
        for (Future<CompletedPart> part : inFlight) {
            try {
                parts.add(part.get());
            } catch (ExecutionException e) {
                failure = failure != null ? failure : unwrap(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                inFlight.forEach(f -> f.cancel(true));
                throw new StoreException("Interrupted while uploading '" + create.key() + "'", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return parts;
    }

    private void submitParts(CreateMultipartUploadRequest create, String uploadId, ByteSource content,
                             List<Future<CompletedPart>> inFlight) {
        long size = content.size();
        long partLength = Math.max(partSize, (size + MAX_PARTS - 1) / MAX_PARTS);
        Semaphore slots = new Semaphore(parallelism);
        AtomicBoolean failed = new AtomicBoolean();
        try (InputStream in = content.openStream()) {
            long offset = 0;
            for (int number = 1; offset < size && !failed.get(); number++) {
                int length = (int) Math.min(partLength, size - offset);
                byte[] bytes = in.readNBytes(length);
                if (bytes.length != length) {
                    throw new StoreException("The content for '" + create.key() + "' ended after "
                            + (offset + bytes.length) + " bytes, not the " + size + " its source declared.");
                }
                slots.acquire();
                int partNumber = number;
                inFlight.add(executor.submit(() -> {
                    try {
                        return uploadPart(create, uploadId, partNumber, bytes);
                    } catch (RuntimeException e) {
                        failed.set(true);
                        throw e;
                    } finally {
                        slots.release();
                    }
                }));
                offset += length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the content for '" + create.key() + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while uploading '" + create.key() + "'", e);
        }
    }

    private CompletedPart uploadPart(CreateMultipartUploadRequest create, String uploadId, int number, byte[] bytes) {
        String etag = client.uploadPart(b -> b.bucket(create.bucket()).key(create.key()).uploadId(uploadId)
                                .partNumber(number)
                                .contentLength((long) bytes.length)
                                .contentMD5(ContentMd5.of(bytes)),
                        RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes), bytes.length,
                                "application/octet-stream"))
                .eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    private void abort(CreateMultipartUploadRequest create, String uploadId, Throwable cause) {
        try {
            client.abortMultipartUpload(b -> b.bucket(create.bucket()).key(create.key()).uploadId(uploadId));
        } catch (SdkException e) {
            cause.addSuppressed(e);
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new StoreException("Part upload failed: " + cause, cause);
    }
}
