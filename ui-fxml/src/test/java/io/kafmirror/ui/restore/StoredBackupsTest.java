package io.kafmirror.ui.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.restore.RestorePlan;
import io.kafmirror.engine.restore.RestorePoint;
import io.kafmirror.engine.restore.RestoreRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredBackupsTest {

    @TempDir
    Path dir;

    @Test
    void aReadAfterTheScreenClosedItsDatabasesClosesWhatItOpenedUntilTheScreenLoadsAgain() throws Exception {
        LocalBackup backup = LocalBackup.write(dir, "held");
        BackedUpTopic orders = new BackedUpTopic("prod", backup.orders);
        RestoreRequest request = RestoreRequest.of("prod", backup.orders, new RestorePoint.AtTime(LocalBackup.START.plusSeconds(90)));
        try (StoredBackups backups = new StoredBackups(backup.configFile, backup.dataDir)) {
            assertThat(backups.stores()).containsExactly("local");
            backups.timeline("local", orders, null, 10);
            assertThat(openDatabases()).as("shown: the catalog and the state database stay open between reads").isNotEmpty();

            backups.close();
            assertThat(openDatabases()).isEmpty();
            // A plan queued before the screen was left still runs, and still answers.
            RestorePlan plan = backups.plan("local", request);
            assertThat(LocalBackup.rows(plan)).isEqualTo(LocalBackup.rows(backup.plan(backup.orders, LocalBackup.START.plusSeconds(90))));
            assertThat(backups.preview("local", plan, 0, 3)).isNotEmpty();
            assertThat(backups.restores()).isEmpty();
            assertThat(openDatabases()).as("hidden: nothing stays open behind another screen").isEmpty();

            backups.stores();
            backups.plan("local", request);
            assertThat(openDatabases()).as("shown again").isNotEmpty();
        }
        assertThat(openDatabases()).isEmpty();
    }

    /** The H2 databases some connection holds: H2 keeps a lock file beside each while it is open. */
    private List<Path> openDatabases() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".lock.db")).toList();
        }
    }
}
