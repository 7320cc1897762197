package io.kafmirror.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.app.KafMirror;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaf-mirror secrets encrypt}, and commands reading a configuration with what it printed. */
class SecretsCliTest {

    static final InputStream STDIN = System.in;

    @TempDir
    Path dir;

    @AfterEach
    void restoreStdin() {
        System.setIn(STDIN);
    }

    @Test
    void encryptsALineOfStdinThatTheConfigurationThenLoadsWithTheSamePassphrase() throws Exception {
        Path passphrase = Files.writeString(dir.resolve("passphrase"), "a long passphrase\n");
        System.setIn(new ByteArrayInputStream("kafka-secret\n".getBytes(StandardCharsets.UTF_8)));

        CliRun encrypt = CliRun.of("secrets", "encrypt", "--passphrase-file", passphrase.toString());
        String value = encrypt.out().strip();
        Path config = Files.writeString(dir.resolve("config.yml"), """
                clusters:
                  prod:
                    brokers: "k1:9093"
                    security: { sasl_mechanism: PLAIN, sasl_username: mirror, sasl_password: "%s" }
                """.formatted(value));
        CliRun list = CliRun.of("clusters", "list", "--config", config.toString(), "--passphrase-file", passphrase.toString());
        CliRun withoutPassphrase = CliRun.of("clusters", "list", "--config", config.toString());

        assertThat(encrypt.exitCode()).as(encrypt.err()).isZero();
        assertThat(value).startsWith("enc:v1:").doesNotContain("kafka-secret");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("prod", "SASL_PLAINTEXT");
        assertThat(withoutPassphrase.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(withoutPassphrase.err()).contains("config.yml:4:", "clusters.prod.security.sasl_password: is encrypted",
                "set KAF_MIRROR_PASSPHRASE").doesNotContain("Exception", "\tat ");
    }

    @Test
    void withoutAPassphraseNothingIsEncrypted() {
        System.setIn(new ByteArrayInputStream("kafka-secret\n".getBytes(StandardCharsets.UTF_8)));

        CliRun encrypt = CliRun.of("secrets", "encrypt", "--passphrase-file", dir.resolve("missing").toString());

        assertThat(encrypt.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(encrypt.out()).isEmpty();
        assertThat(encrypt.err()).contains("cannot read the passphrase file", "--passphrase-file");
    }
}
