package io.kafmirror.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreVerifyLockCliTest {

    @TempDir
    Path dir;

    @Test
    void aLocalFolderIsReportedAsNotProtected() {
        CliRun run = CliRun.of("store", "verify-lock", "--store", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Object Lock:       NOT enabled").contains("WARNING: A local folder cannot enforce immutability")
                .contains("NOT PROTECTED");
    }

    @Test
    void anS3LocationWithoutBucketIsABadArgument() {
        CliRun run = CliRun.of("store", "verify-lock", "--store", "s3://");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--store s3://").contains("s3://bucket");
    }

    @Test
    void anUnreachableS3EndpointFailsWithOneReadableLine() {
        CliRun run = CliRun.of("store", "verify-lock", "--store", "s3://backups", "--s3-endpoint", "http://127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("error: ").contains("127.0.0.1:1").doesNotContain("\tat ");
    }

    @Test
    void aStoreFolderThatIsAFileIsRefusedClearly() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        CliRun run = CliRun.of("store", "verify-lock", "--store", file.resolve("store").toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("error: ").contains("not-a-folder");
    }
}
