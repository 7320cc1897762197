package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.mirror.MirrorEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDatabaseTest {

    static final JobConfig ORDERS = JobConfig.of("prod", "vault", TopicSelection.parse("orders.*", ""));

    @TempDir
    Path dataDir;

    @Test
    void createsTheFileInTheDataFolderAndKeepsWhatIsWrittenAcrossOpenings() {
        try (StateDatabase db = StateDatabase.open(dataDir.resolve("new-folder"), "cli")) {
            assertThat(db.file()).isEqualTo(dataDir.resolve("new-folder/state.mv.db")).exists();
            db.jobs().add("orders", ORDERS);
        }
        try (StateDatabase db = StateDatabase.open(dataDir.resolve("new-folder"), "cli")) {
            assertThat(db.jobs().list()).extracting(Job::name).containsExactly("orders");
        }
    }

    @Test
    void twoOpeningsOfOneFileSeeEachOthersWrites() {
        try (StateDatabase cli = StateDatabase.open(dataDir, "cli"); StateDatabase console = StateDatabase.open(dataDir, "console")) {
            cli.jobs().add("orders", ORDERS);
            console.jobs().setDesiredState("orders", DesiredState.PAUSED);

            assertThat(cli.jobs().get("orders").desiredState()).isEqualTo(DesiredState.PAUSED);
            assertThat(cli.history().query(HistoryFilter.of("orders"))).extracting(HistoryEntry::type, HistoryEntry::actor)
                    .containsExactly(tuple("JOB_PAUSED", "console"), tuple("JOB_ADDED", "cli"));
        }
    }

    @RepeatedTest(3)
    void programsOpeningANewDatabaseAtTheSameMomentBothGetIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StateDatabase>> openings = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                openings.add(pool.submit(() -> StateDatabase.open(dataDir, "cli")));
            }
            for (Future<StateDatabase> opening : openings) {
                try (StateDatabase db = opening.get()) {
                    assertThat(db.jobs().list()).isEmpty();
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(schemaVersions()).isEqualTo(everyVersionUpTo(StateSchema.CURRENT));
    }

    @Test
    void aDatabaseOfANewerKafMirrorIsRefusedAndLeftAsItIs() throws Exception {
        StateDatabase.open(dataDir, "cli").close();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version VALUES (" + (StateSchema.CURRENT + 1) + ", 0)");
        }

        assertThatThrownBy(() -> StateDatabase.open(dataDir, "cli"))
                .hasMessageContaining(dataDir.resolve("state.mv.db").toString())
                .hasMessageContaining("schema version " + (StateSchema.CURRENT + 1))
                .hasMessageContaining("up to " + StateSchema.CURRENT)
                .hasMessageContaining("Upgrade kaf-mirror");
        assertThat(schemaVersions()).isEqualTo(everyVersionUpTo(StateSchema.CURRENT + 1));
    }

    @Test
    void aVersionOneDatabaseIsBroughtForwardKeepingItsJobs() throws Exception {
        try (StateDatabase db = StateDatabase.open(dataDir, "cli")) {
            db.jobs().add("orders", ORDERS);
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE restore_run");
            s.execute("DELETE FROM schema_version WHERE version > 1");
        }

        try (StateDatabase db = StateDatabase.open(dataDir, "cli")) {
            assertThat(db.jobs().list()).extracting(Job::name).containsExactly("orders");
            assertThat(db.restores().list()).isEmpty();
        }
        assertThat(schemaVersions()).isEqualTo(everyVersionUpTo(StateSchema.CURRENT));
    }

    @Test
    void aVersionTwoDatabaseIsBroughtForwardAndItsAnomaliesBecomeOpenAlerts() throws Exception {
        try (StateDatabase db = StateDatabase.open(dataDir, "cli")) {
            db.jobs().add("orders", ORDERS);
            db.history().append("orders", new MirrorEvent(MirrorEvent.Type.GAP, Instant.parse("2026-12-01T10:00:00Z"), "orders", 0,
                    "offsets 10 to 19 were deleted by retention before they were stored"));
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE alert_ack");
            s.execute("DROP TABLE alert_mute");
            s.execute("DELETE FROM schema_version WHERE version > 2");
        }

        try (StateDatabase db = StateDatabase.open(dataDir, "cli")) {
            Alert gap = db.alerts().list(AlertFilter.open()).get(0);
            assertThat(gap.type()).isEqualTo(MirrorEvent.Type.GAP);
            assertThat(db.alerts().acknowledge(gap.id(), "seen").state()).isEqualTo(AlertState.ACKNOWLEDGED);
        }
        assertThat(schemaVersions()).isEqualTo(everyVersionUpTo(StateSchema.CURRENT));
    }

    @Test
    void aDamagedFileIsNamedWithWhatToDo() throws Exception {
        Files.writeString(dataDir.resolve("state.mv.db"), "not a database ".repeat(1000));

        assertThatThrownBy(() -> StateDatabase.open(dataDir, "cli"))
                .hasMessageContaining(dataDir.resolve("state.mv.db").toString())
                .hasMessageContaining("damaged").hasMessageContaining("Move it aside")
                .hasMessageContaining("Backups are not affected");
    }

    @Test
    void aDataFolderThatIsAFileIsNamed() throws Exception {
        Path notAFolder = Files.writeString(dataDir.resolve("data"), "x");

        assertThatThrownBy(() -> StateDatabase.open(notAFolder, "cli"))
                .hasMessageContaining(notAFolder.resolve("state.mv.db").toString())
                .hasMessageContaining("is a folder kaf-mirror can write to");
    }

    @Test
    void theProgramMustBeNamed() {
        assertThatThrownBy(() -> StateDatabase.open(dataDir, " ")).hasMessageContaining("e.g. cli or console");
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("state") + ";AUTO_SERVER=TRUE", "kaf-mirror", "");
    }

    private static List<Integer> everyVersionUpTo(int last) {
        return IntStream.rangeClosed(1, last).boxed().toList();
    }

    private List<Integer> schemaVersions() throws Exception {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }
}
