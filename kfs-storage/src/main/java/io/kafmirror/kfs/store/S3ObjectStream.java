package io.kafmirror.kfs.store;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The body of a GET as a plain stream: SDK errors while reading surface as {@link IOException}, and
 * closing before the end aborts the connection instead of draining a possibly large remainder.
 */
final class S3ObjectStream extends FilterInputStream {

    private final ResponseInputStream<?> body;
    private final String description;
    private boolean ended;

    S3ObjectStream(ResponseInputStream<?> body, String description) {
        super(body);
        this.body = body;
        this.description = description;
    }

    @Override
    public int read() throws IOException {
        try {
            return noteEnd(super.read());
        } catch (SdkException e) {
            throw new IOException("Reading " + description + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return noteEnd(super.read(buffer, offset, length));
        } catch (SdkException e) {
            throw new IOException("Reading " + description + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            body.abort();
        }
        super.close();
    }

    private int noteEnd(int result) {
        ended |= result < 0;
        return result;
    }
}
