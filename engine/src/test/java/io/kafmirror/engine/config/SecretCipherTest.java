package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The enc:v1 format: the documented test vector, and what a wrong passphrase or an altered value gives. */
class SecretCipherTest {

    /** The test vector of docs/configuration.md, checked there against Python's hashlib and cryptography too. */
    static final String PASSPHRASE = "correct horse battery staple";
    static final String VECTOR = "enc:v1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaG38hHrcji4Unqsnqv/yBEFR8bDDuyU6tL8sqZVcrLCY=";
    static final String SECRET = "s3cr3t-Passw0rd";

    @Test
    void theDocumentedVectorIsWhatTheFormatGives() {
        byte[] salt = new byte[SecretCipher.SALT_BYTES];
        byte[] nonce = new byte[SecretCipher.NONCE_BYTES];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) i;
        }
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] = (byte) (0x10 + i);
        }

        assertThat(SecretCipher.encrypt(SECRET, PASSPHRASE.toCharArray(), salt, nonce)).isEqualTo(VECTOR);
        assertThat(SecretCipher.decrypt(VECTOR, PASSPHRASE.toCharArray())).isEqualTo(SECRET);
    }

    @Test
    void everyEncryptionHasItsOwnSaltAndNonceAndReadsBack() {
        String first = SecretCipher.encrypt("pässwörd \"quoted\"", PASSPHRASE.toCharArray());
        String second = SecretCipher.encrypt("pässwörd \"quoted\"", PASSPHRASE.toCharArray());

        assertThat(first).startsWith("enc:v1:").isNotEqualTo(second);
        assertThat(Base64.getDecoder().decode(first.substring(7))).hasSize(16 + 12 + "pässwörd \"quoted\"".getBytes(
                StandardCharsets.UTF_8).length + 16);
        assertThat(SecretCipher.decrypt(second, PASSPHRASE.toCharArray())).isEqualTo("pässwörd \"quoted\"");
    }

    @Test
    void aWrongPassphraseOrAnAlteredValueDoesNotDecrypt() {
        byte[] bytes = Base64.getDecoder().decode(VECTOR.substring(7));
        bytes[bytes.length - 20] ^= 1;
        String altered = "enc:v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> SecretCipher.decrypt(VECTOR, "correct horse battery stapler".toCharArray()))
                .isInstanceOf(SecretCipher.WrongPassphrase.class);
        assertThatThrownBy(() -> SecretCipher.decrypt(altered, PASSPHRASE.toCharArray()))
                .isInstanceOf(SecretCipher.WrongPassphrase.class);
    }

    @Test
    void malformedValuesSayWhatIsWrong() {
        assertThat(SecretCipher.isEncrypted("enc:v2:abc")).isTrue();
        assertThat(SecretCipher.isEncrypted("encrypted-password")).isFalse();
        assertThatThrownBy(() -> SecretCipher.decrypt("enc:v2:AAAA", PASSPHRASE.toCharArray()))
                .hasMessageContaining("'enc:v2:' is a format this kaf-mirror does not read");
        assertThatThrownBy(() -> SecretCipher.decrypt("enc:v1:not base64!", PASSPHRASE.toCharArray()))
                .hasMessageContaining("not Base64");
        assertThatThrownBy(() -> SecretCipher.decrypt("enc:v1:AAAA", PASSPHRASE.toCharArray()))
                .hasMessageContaining("shorter than salt, nonce and tag");
    }
}
