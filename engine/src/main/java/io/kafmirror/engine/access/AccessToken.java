package io.kafmirror.engine.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets of API tokens and login sessions: 32 random bytes, shown once; the state database keeps only their SHA-256.
 * A salt or a slow hash would add nothing: the secret is random and as long as the hash, so it cannot be guessed.
 */
public final class AccessToken {

    /** The prefix of an API token, so a leaked one is recognisable (e.g. by secret scanners). */
    public static final String API_PREFIX = "kmt_";
    /** The prefix of a login session's token. */
    public static final String SESSION_PREFIX = "kms_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessToken() {
    }

    /** A new secret with {@code prefix}. */
    public static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of {@code token} (its surrounding whitespace removed) in hex, as stored. */
    public static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java has no SHA-256", e);
        }
    }
}
