package io.kafmirror.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an operator reads the separation warnings on the command line: clusters list and jobs status. */
class SeparationCliTest {

    @TempDir
    Path dir;

    private Path config(String secretKey) throws Exception {
        return Files.writeString(dir.resolve("config.yml"), """
                clusters:
                  prod:
                    brokers: "127.0.0.1:9"
                    security: { sasl_mechanism: PLAIN, sasl_username: mirror, sasl_password: shared-value }
                stores:
                  vault: { type: s3, bucket: b, endpoint: "http://127.0.0.1:9", access_key: writer, secret_key: %s }
                """.formatted(secretKey));
    }

    @Test
    void clustersListAndJobsStatusNameASharedCredentialAndAJobThatLocksNothing() throws Exception {
        Path config = config("shared-value");
        String data = dir.resolve("data").toString();
        CliRun.of("jobs", "add", "orders", "--source", "prod", "--store", "vault", "--topics", "orders.*",
                "--config", config.toString(), "--data", data);

        CliRun clusters = CliRun.of("clusters", "list", "--config", config.toString());
        CliRun status = CliRun.of("jobs", "status", "--config", config.toString(), "--data", data);

        assertThat(clusters.exitCode()).as(clusters.err()).isZero();
        assertThat(clusters.out()).contains("Separation warnings:", "! store vault shares credentials with cluster prod",
                "secret_key is the same as the cluster's security.sasl_password (the same value)")
                .doesNotContain("shared-value", "locks nothing");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("Separation warnings:", "store vault shares credentials with cluster prod",
                "! job orders locks nothing").doesNotContain("shared-value");
    }

    @Test
    void aSeparatedLockedSetupPrintsNoWarning() throws Exception {
        Path config = config("own-value");
        String data = dir.resolve("data").toString();
        CliRun.of("jobs", "add", "orders", "--source", "prod", "--store", "vault", "--topics", "orders.*",
                "--retention", "compliance:30d", "--config", config.toString(), "--data", data);

        CliRun clusters = CliRun.of("clusters", "list", "--config", config.toString());
        CliRun status = CliRun.of("jobs", "status", "--config", config.toString(), "--data", data);

        assertThat(clusters.out()).contains("prod").doesNotContain("Separation");
        assertThat(status.out()).contains("orders").doesNotContain("Separation");
    }
}
