package io.kafmirror.engine.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code enc:v1:} format of a secret encrypted at rest in the configuration: AES-256-GCM under a key derived from a
 * passphrase with PBKDF2-HMAC-SHA256, a random salt and nonce per value. Only the JDK's own cryptography is used, so
 * the format needs no library and reads the same on every platform. The layout is documented field by field in
 * {@code docs/configuration.md}, with a test vector.
 */
public final class SecretCipher {

    /** What every value of this format starts with. */
    public static final String PREFIX = "enc:v1:";
    /** PBKDF2 rounds: OWASP's 2023 figure for PBKDF2-HMAC-SHA256, about half a second per value on a slow core. */
    public static final int ITERATIONS = 600_000;

    static final int SALT_BYTES = 16;
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BITS = 256;
    // Any version a later kaf-mirror may write, so an older one says so instead of using the text as the secret.
    private static final Pattern ANY_VERSION = Pattern.compile("enc:v\\d+:.*", Pattern.DOTALL);
    private static final byte[] ASSOCIATED_DATA = PREFIX.getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretCipher() {
    }

    /** Whether {@code text} is written in an encrypted format ({@code enc:v<N>:…}), whether or not this version reads it. */
    public static boolean isEncrypted(String text) {
        return text != null && ANY_VERSION.matcher(text).matches();
    }

    /** {@code secret} encrypted under {@code passphrase} with a fresh salt and nonce, as {@code enc:v1:<base64>}. */
    public static String encrypt(String secret, char[] passphrase) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        return encrypt(secret, passphrase, salt, nonce);
    }

    /** {@code secret} encrypted with the given salt and nonce: for the documented test vector only, never reuse a nonce. */
    static String encrypt(String secret, char[] passphrase, byte[] salt, byte[] nonce) {
        byte[] sealed = run(Cipher.ENCRYPT_MODE, passphrase, salt, nonce, secret.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(salt.length + nonce.length + sealed.length)
                .put(salt).put(nonce).put(sealed).array());
    }

    /**
     * The secret {@code text} holds. An {@link IllegalArgumentException} says why it is not a whole {@code enc:v1:} value;
     * a {@link WrongPassphrase} that the passphrase is not the one it was encrypted with, or the value was altered.
     */
    public static String decrypt(String text, char[] passphrase) {
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("'" + text.substring(0, text.indexOf(':', 4) + 1) + "' is a format this"
                    + " kaf-mirror does not read (it reads " + PREFIX + "): encrypt the secret again with this version");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the text after " + PREFIX + " is not Base64 (" + e.getMessage() + ")", e);
        }
        if (bytes.length < SALT_BYTES + NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("it is " + bytes.length + " bytes long, shorter than salt, nonce and tag");
        }
        byte[] salt = Arrays.copyOfRange(bytes, 0, SALT_BYTES);
        byte[] nonce = Arrays.copyOfRange(bytes, SALT_BYTES, SALT_BYTES + NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(bytes, SALT_BYTES + NONCE_BYTES, bytes.length);
        byte[] clear = run(Cipher.DECRYPT_MODE, passphrase, salt, nonce, sealed);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(clear)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the decrypted secret is not UTF-8 text", e);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    private static byte[] run(int mode, char[] passphrase, byte[] salt, byte[] nonce, byte[] input) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, ITERATIONS, KEY_BITS);
        byte[] key = null;
        try {
            key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ASSOCIATED_DATA);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new WrongPassphrase();
        } catch (GeneralSecurityException e) {
            // Every JDK 17 ships PBKDF2WithHmacSHA256 and AES/GCM: reaching this is a broken runtime, not bad input.
            throw new IllegalStateException("The JDK cannot run PBKDF2-HMAC-SHA256 and AES-256-GCM: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    /** The passphrase does not open the value: another passphrase encrypted it, or the value was altered. */
    public static final class WrongPassphrase extends RuntimeException {
        WrongPassphrase() {
            super("the passphrase does not decrypt this value", null, false, false);
        }
    }
}
