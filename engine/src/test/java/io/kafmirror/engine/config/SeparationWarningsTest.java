package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.SeparationWarning.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warnings an operator gets when the backup is not separated from what it protects, and none for a clean setup. */
class SeparationWarningsTest {

    static final Map<String, String> ENV = Map.of("KAFKA_USER", "mirror", "KAFKA_PASS", "kafka-secret",
            "S3_KEY", "AKIABACKUP", "S3_SECRET", "s3-secret");

    static final String CLEAN = """
            clusters:
              prod:
                brokers: "k1:9093"
                security: { sasl_mechanism: PLAIN, sasl_username: "${KAFKA_USER}", sasl_password: "${KAFKA_PASS}" }
            stores:
              vault: { type: s3, bucket: b, endpoint: "http://127.0.0.1:9000", access_key: "${S3_KEY}", secret_key: "${S3_SECRET}" }
            jobs:
              orders:
                source: prod
                store: vault
                topics: "orders.*"
                retention: { default: { mode: compliance, duration: 30d } }
            """;

    private static List<SeparationWarning> warnings(String yaml) {
        return SeparationWarnings.of(new ConfigLoader(ENV).read(yaml, MirrorConfig.class, "config.yml"));
    }

    @Test
    void aSeparatedLockedSetupHasNoWarning() {
        assertThat(warnings(CLEAN)).isEmpty();
    }

    @Test
    void aStoreReadingTheClustersVariableIsNamedWithTheVariableNotTheValue() {
        List<SeparationWarning> found = warnings(CLEAN.replace("secret_key: \"${S3_SECRET}\"", "secret_key: \"${KAFKA_PASS}\""));

        assertThat(found).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(Kind.SHARED_CREDENTIAL);
            assertThat(w.store()).isEqualTo("vault");
            assertThat(w.cluster()).isEqualTo("prod");
            assertThat(w.message()).contains("store vault shares credentials with cluster prod",
                    "secret_key is the same as the cluster's security.sasl_password (both read ${KAFKA_PASS})",
                    "give the store credentials of its own").doesNotContain("kafka-secret");
            assertThat(w.concerns("orders", "prod", "vault")).isTrue();
        });
    }

    @Test
    void theSameValueWrittenDifferentlyAndAnAccessKeyThatIsTheSaslUserAreShared() {
        String yaml = CLEAN.replace("\"${S3_SECRET}\"", "s3-secret")
                .replace("sasl_password: \"${KAFKA_PASS}\"", "sasl_password: s3-secret")
                .replace("access_key: \"${S3_KEY}\"", "access_key: \"${KAFKA_USER}\"");

        assertThat(warnings(yaml)).singleElement().extracting(SeparationWarning::message).asString()
                .contains("secret_key is the same as the cluster's security.sasl_password (the same value)",
                        "access_key is the cluster's sasl_username (mirror): one identity for both")
                .doesNotContain("s3-secret");
    }

    @Test
    void aLocalStoreOrAJobThatLocksNothingIsNotImmutable() {
        String local = CLEAN + """
                  laptop:
                    source: prod
                    store: desk
                    topics: "orders.*"
                  unlocked:
                    source: prod
                    store: vault
                    topics: "payments.*"
                  partly:
                    source: prod
                    store: vault
                    topics: "audit.*"
                    retention: { topics: { "audit\\\\.eu": { mode: governance, duration: 7d } } }
                """;
        String yaml = local.replace("stores:\n", "stores:\n  desk: { type: local, path: /tmp/desk }\n");

        List<SeparationWarning> found = warnings(yaml);

        assertThat(found).allMatch(w -> w.kind() == Kind.NOT_IMMUTABLE).extracting(SeparationWarning::job)
                .containsExactly("laptop", "unlocked", "partly");
        assertThat(found.get(0).message()).contains("job laptop writes into the local store desk", "not immutable");
        assertThat(found.get(1).message()).contains("job unlocked locks nothing (its retention is none)",
                "Set retention.default");
        assertThat(found.get(2).message()).contains("job partly locks only the topics its retention rules name");
        assertThat(found.get(0).concerns("orders", "prod", "vault")).isFalse();
    }
}
