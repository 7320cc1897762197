package io.kafmirror.engine.config;

import static io.kafmirror.engine.config.SecretCipherTest.PASSPHRASE;
import static io.kafmirror.engine.config.SecretCipherTest.SECRET;
import static io.kafmirror.engine.config.SecretCipherTest.VECTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets encrypted at rest: loaded with the passphrase from where an operator gives it, written back as they were. */
class EncryptedSecretsTest {

    static final String CONFIG = """
            clusters:
              prod:
                brokers: "k1:9093"
                security:
                  sasl_mechanism: PLAIN
                  sasl_username: mirror
                  sasl_password: "%s"
            """.formatted(VECTOR);

    @TempDir
    Path folder;

    @Test
    void decryptsWithThePassphraseFromTheEnvironmentAndWritesTheEncryptedValueBack() throws Exception {
        Path file = Files.writeString(folder.resolve("config.yml"), CONFIG);

        MirrorConfig config = new ConfigLoader(Map.of(Passphrase.VARIABLE, PASSPHRASE)).load(file);
        Secret password = config.cluster("prod").security().saslPassword();
        new ConfigWriter().write(config, file);

        assertThat(password.reveal()).isEqualTo(SECRET);
        assertThat(password.isEncrypted()).isTrue();
        assertThat(password).hasToString("****");
        assertThat(Files.readString(file)).contains(VECTOR).doesNotContain(SECRET);
        assertThat(config.cluster("prod").clientProperties().getProperty("sasl.jaas.config")).contains(SECRET);
    }

    @Test
    void readsThePassphraseFromTheFileTheEnvironmentNames() throws Exception {
        Path passphraseFile = Files.writeString(folder.resolve("passphrase"), PASSPHRASE + "\n");

        MirrorConfig config = new ConfigLoader(Map.of(Passphrase.FILE_VARIABLE, passphraseFile.toString()))
                .read(CONFIG, MirrorConfig.class, "config.yml");

        assertThat(config.cluster("prod").security().saslPassword().reveal()).isEqualTo(SECRET);
    }

    @Test
    void anEncryptedValueMayComeFromTheEnvironmentAndKeepsItsReference() {
        MirrorConfig config = new ConfigLoader(Map.of("KAFKA_PASS", VECTOR), Passphrase.of(PASSPHRASE))
                .read(CONFIG.replace(VECTOR, "${KAFKA_PASS}"), MirrorConfig.class, "config.yml");

        Secret password = config.cluster("prod").security().saslPassword();
        assertThat(password.reveal()).isEqualTo(SECRET);
        assertThat(new ConfigWriter().toYaml(config)).contains("${KAFKA_PASS}").doesNotContain(VECTOR, SECRET);
    }

    @Test
    void aMissingPassphraseIsNamedWithTheKeyAndHowToGiveIt() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).read(CONFIG, MirrorConfig.class, "config.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config.yml:7:")
                .hasMessageContaining("clusters.prod.security.sasl_password: is encrypted (enc:v1:…) but no passphrase"
                        + " was given: set KAF_MIRROR_PASSPHRASE, point KAF_MIRROR_PASSPHRASE_FILE or --passphrase-file"
                        + " at a file holding it");
    }

    @Test
    void aWrongPassphraseSaysSoWithoutAStackTraceOrTheValue() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of(), Passphrase.of("wrong"))
                .read(CONFIG, MirrorConfig.class, "config.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("clusters.prod.security.sasl_password: cannot be decrypted with the passphrase"
                        + " given")
                .hasMessageNotContaining(VECTOR);
    }

    @Test
    void anUnreadablePassphraseFileIsNamed() {
        Path missing = folder.resolve("no-such-file");

        assertThatThrownBy(() -> new ConfigLoader(Map.of(Passphrase.FILE_VARIABLE, missing.toString()))
                .read(CONFIG, MirrorConfig.class, "config.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot read the passphrase file " + missing + " named by KAF_MIRROR_PASSPHRASE_FILE");
    }

    @Test
    void aSecretGivenInClearIsNotWrittenIntoAFileButEncryptedWhenAPassphraseIsGiven() throws Exception {
        Path file = folder.resolve("config.yml");
        SealedSecrets secrets = new SealedSecrets(Passphrase.of(PASSPHRASE));
        MirrorConfig clear = config(Secret.of("typed-in-clear"));

        assertThatThrownBy(() -> new ConfigWriter().write(clear, file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("clusters.prod.security.sasl_password: is a secret given in clear")
                .hasMessageContaining("write it as ${VARIABLE}, or give a passphrase");
        assertThat(file).doesNotExist();

        new ConfigWriter().write(config(Secret.encrypted(secrets.encrypt("typed-in-clear"), "typed-in-clear")), file);
        assertThat(Files.readString(file)).contains("enc:v1:").doesNotContain("typed-in-clear");
        assertThat(new ConfigLoader(Map.of(Passphrase.VARIABLE, PASSPHRASE)).load(file).cluster("prod").security()
                .saslPassword().reveal()).isEqualTo("typed-in-clear");
    }

    private static MirrorConfig config(Secret password) {
        return new MirrorConfig(Map.of("prod", new ClusterConfig("k1:9093",
                new SecurityConfig(SaslMechanism.PLAIN, "mirror", password, null), null)), null, null);
    }
}
