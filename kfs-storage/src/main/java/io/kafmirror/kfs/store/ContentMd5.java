package io.kafmirror.kfs.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The {@code Content-MD5} header value (base64 of the MD5 digest) of a body. S3 requires it on uploads
 * that carry Object Lock retention, and with it the server rejects a body damaged in transit.
 */
final class ContentMd5 {

    private ContentMd5() {
    }

    /** Content-MD5 of {@code bytes}. */
    static String of(byte[] bytes) {
        return Base64.getEncoder().encodeToString(newDigest().digest(bytes));
    }

    /** Content-MD5 of everything {@code content} streams. */
    static String of(ByteSource content) {
        MessageDigest md5 = newDigest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = content.openStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                md5.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the content to upload", e);
        }
        return Base64.getEncoder().encodeToString(md5.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides MD5", e);
        }
    }
}
