package io.kafmirror.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.SaslMechanism;
import io.kafmirror.engine.config.TlsConfig.KeyStoreType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every as-you-type rule of the cluster form, without a stage. */
class ClusterFormTest {

    @TempDir
    Path folder;

    private ClusterForm form(Map<String, String> environment) {
        return new ClusterForm(new FormContext(folder, new EnvironmentValues(environment), (f, n) -> n.equals("taken"), () -> { }));
    }

    private ClusterForm form() {
        return form(Map.of("KAFKA_PASS", "s3cret", "BROKERS", "k1:9092,k2:9092"));
    }

    private static String note(ClusterForm form, String key) {
        return form.noteProperty(key).get().text();
    }

    @Test
    void names_are_required_valid_and_unique() {
        ClusterForm form = form();
        form.brokersProperty().set("k1:9092");
        assertThat(note(form, EntryForm.NAME)).startsWith("a name is required");
        form.nameProperty().set("prod cluster");
        assertThat(note(form, EntryForm.NAME)).contains("is not a valid name");
        form.nameProperty().set("taken");
        assertThat(note(form, EntryForm.NAME)).contains("another entry under clusters is named 'taken'");
        form.nameProperty().set("prod");
        assertThat(form.noteProperty(EntryForm.NAME).get()).isEqualTo(FieldNote.NONE);
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void brokers_must_be_host_port_pairs_with_ports_in_range() {
        ClusterForm form = form();
        form.nameProperty().set("prod");
        assertThat(note(form, ClusterForm.BROKERS)).startsWith("required");
        form.brokersProperty().set("k1");
        assertThat(note(form, ClusterForm.BROKERS)).isEqualTo("'k1' has no port: write host:port, e.g. k1:9092");
        form.brokersProperty().set("k1:9092,");
        assertThat(note(form, ClusterForm.BROKERS)).contains("empty address between commas");
        form.brokersProperty().set("k1:9092,k2:70000");
        assertThat(note(form, ClusterForm.BROKERS)).isEqualTo("port 70000 of 'k2:70000' is out of range: use 1 to 65535");
        form.brokersProperty().set("k1:0");
        assertThat(note(form, ClusterForm.BROKERS)).contains("out of range");
        form.brokersProperty().set("k1:abc");
        assertThat(note(form, ClusterForm.BROKERS)).contains("is not a port number");
        form.brokersProperty().set("k1:9092 k2:9092");
        assertThat(form.validProperty().get()).isFalse();
        form.brokersProperty().set("k1:9092, [::1]:9093");
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void environment_references_are_allowed_and_shown_as_such() {
        ClusterForm form = form();
        form.nameProperty().set("prod");
        form.brokersProperty().set("${BROKERS}");
        assertThat(form.noteProperty(ClusterForm.BROKERS).get())
                .isEqualTo(FieldNote.info("from the environment: saved as its current value, k1:9092,k2:9092"));
        form.brokersProperty().set("${NOPE}");
        assertThat(note(form, ClusterForm.BROKERS)).startsWith("the environment variable NOPE is not set");
        form.brokersProperty().set("${NOPE:-k3:9092}");
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void sasl_needs_user_and_a_password_from_the_environment() {
        ClusterForm form = form();
        form.nameProperty().set("prod");
        form.brokersProperty().set("k1:9092");
        form.saslMechanismProperty().set(SaslMechanism.SCRAM_SHA_512);
        assertThat(note(form, ClusterForm.SASL_USERNAME)).startsWith("required with SCRAM-SHA-512");
        assertThat(note(form, ClusterForm.SASL_PASSWORD)).startsWith("required with SCRAM-SHA-512");
        form.saslUsernameProperty().set("alice");
        form.saslPasswordProperty().set("hunter2");
        assertThat(note(form, ClusterForm.SASL_PASSWORD)).startsWith("a secret typed here cannot be saved in clear");
        form.saslPasswordProperty().set("${KAFKA_PASS}");
        assertThat(form.noteProperty(ClusterForm.SASL_PASSWORD).get().kind()).isEqualTo(FieldNote.Kind.INFO);
        assertThat(note(form, ClusterForm.SASL_PASSWORD)).doesNotContain("s3cret");
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void tls_files_must_exist_and_key_store_settings_fit_together() throws Exception {
        ClusterForm form = form();
        form.nameProperty().set("prod");
        form.brokersProperty().set("k1:9093");
        form.tlsEnabledProperty().set(true);
        form.caCertProperty().set("ca.pem");
        assertThat(note(form, ClusterForm.CA_CERT)).isEqualTo("no file at " + folder.resolve("ca.pem") + ": check the path");
        Files.writeString(folder.resolve("ca.pem"), "pem");
        form.caCertProperty().set("ca.pem ");
        assertThat(form.noteProperty(ClusterForm.CA_CERT).get()).isEqualTo(FieldNote.NONE);
        form.caCertProperty().set(folder.toString());
        assertThat(note(form, ClusterForm.CA_CERT)).endsWith("is a folder: give the file inside it");
        form.caCertProperty().set("");

        form.keyStorePasswordProperty().set("${KAFKA_PASS}");
        assertThat(note(form, ClusterForm.KEY_STORE)).contains("no key store is");
        Files.writeString(folder.resolve("client.pem"), "pem");
        form.keyStoreProperty().set("client.pem");
        assertThat(note(form, ClusterForm.KEY_STORE_PASSWORD)).startsWith("a PEM key store has no store password");
        form.keyStoreTypeProperty().set(KeyStoreType.PKCS12);
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void properties_are_key_value_lines_without_secrets_in_clear() {
        ClusterForm form = form();
        form.nameProperty().set("prod");
        form.brokersProperty().set("k1:9092");
        form.propertiesProperty().set("client.dns.lookup=use_all_dns_ips\nfetch.max.bytes");
        assertThat(note(form, ClusterForm.PROPERTIES)).startsWith("line 2 'fetch.max.bytes' is not key=value");
        form.propertiesProperty().set("a=1\na=2");
        assertThat(note(form, ClusterForm.PROPERTIES)).isEqualTo("line 2: 'a' is set twice: keep one");
        form.propertiesProperty().set("ssl.truststore.password=changeit");
        assertThat(note(form, ClusterForm.PROPERTIES)).startsWith("ssl.truststore.password holds a secret");
        form.propertiesProperty().set("ssl.truststore.password=${KAFKA_PASS}\n\nclient.dns.lookup=use_all_dns_ips");
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.yaml()).containsEntry("properties",
                Map.of("ssl.truststore.password", "${KAFKA_PASS}", "client.dns.lookup", "use_all_dns_ips"));
    }
}
