package io.kafmirror.engine.config;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Encrypts and decrypts the secrets of one configuration with its {@link Passphrase}. Each value costs a key
 * derivation of about half a second, so what was decrypted once is remembered: a configuration read again (the
 * console does, to show and save it) costs nothing more.
 */
public final class SealedSecrets {

    private final Passphrase passphrase;
    private final Map<String, String> opened = new ConcurrentHashMap<>();

    /** Secrets encrypted with {@code passphrase}. */
    public SealedSecrets(Passphrase passphrase) {
        this.passphrase = passphrase;
    }

    /** Whether a passphrase was given, so that a secret typed in clear can be saved encrypted. */
    public boolean canEncrypt() {
        return passphrase.value().map(chars -> {
            Arrays.fill(chars, '\0');
            return true;
        }).orElse(false);
    }

    /** {@code secret} as an {@code enc:v1:} value; a {@link ConfigException} says how to give the passphrase when none was. */
    public String encrypt(String secret) {
        char[] chars = passphrase.value().orElseThrow(() -> ConfigException.of("there is no passphrase to encrypt"
                + " the secret with: " + Passphrase.HOW_TO_GIVE + ", or write the secret as ${VARIABLE}"));
        try {
            String sealed = SecretCipher.encrypt(secret, chars);
            opened.put(sealed, secret);
            return sealed;
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** The secret the encrypted value {@code text} holds; a {@link ConfigException} says why it cannot be read. */
    public String decrypt(String text) {
        String known = opened.get(text);
        if (known != null) {
            return known;
        }
        char[] chars = passphrase.value().orElseThrow(() -> ConfigException.of("is encrypted (" + SecretCipher.PREFIX
                + "…) but no passphrase was given: " + Passphrase.HOW_TO_GIVE));
        try {
            String secret = SecretCipher.decrypt(text, chars);
            opened.put(text, secret);
            return secret;
        } catch (SecretCipher.WrongPassphrase e) {
            throw ConfigException.of("cannot be decrypted with the passphrase given: it is not the passphrase the value"
                    + " was encrypted with, or the value was altered. Give the passphrase used with 'kaf-mirror secrets"
                    + " encrypt', or encrypt the secret again");
        } catch (IllegalArgumentException e) {
            throw ConfigException.of("is not a whole encrypted value: " + e.getMessage() + ". Copy the complete"
                    + " output of 'kaf-mirror secrets encrypt'");
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
