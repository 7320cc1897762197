package io.kafmirror.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.state.HistoryFilter;
import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit list|verify|anchor} after real CLI commands changed state, and after someone changed the log with SQL. */
class AuditCliTest {

    private static final String ME = System.getProperty("user.name");

    @TempDir
    Path dir;

    private String data;
    private String config;
    private long drift;

    @BeforeEach
    void changeStateWithTheCli() throws Exception {
        data = dir.resolve("data").toString();
        config = CliConfig.write(dir, "127.0.0.1:9").toString();
        try (StateDatabase db = StateDatabase.open(Path.of(data), "run")) {
            db.jobs().add("orders", JobConfig.of("prod", "local", TopicSelection.parse("orders.*", "")));
            db.history().append("orders", new MirrorEvent(MirrorEvent.Type.FORMAT_DRIFT, Instant.parse("2026-12-03T09:00:00Z"),
                    "payments", -1, "payments: 38 % of records are not valid JSON"));
            drift = db.history().query(HistoryFilter.of("orders").types(MirrorEvent.Type.FORMAT_DRIFT).limit(1)).get(0).id();
        }
        assertThat(CliRun.of("jobs", "pause", "orders", "--data", data).exitCode()).isZero();
        assertThat(CliRun.of("alerts", "ack", String.valueOf(drift), "--comment", "bad deploy", "--data", data).exitCode()).isZero();
        assertThat(CliRun.of("jobs", "pause", "billing", "--data", data).exitCode()).isEqualTo(KafMirror.FAILED);
    }

    @Test
    void theLogListsWhatTheCliDidWithOutcomesAndFilters() {
        CliRun list = CliRun.of("audit", "list", "--data", data);

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("1\\s+\\S+Z\\s+" + ME + "\\s+job\\.add\\s+orders\\s+ok")
                .containsPattern("2\\s+\\S+Z\\s+" + ME + "\\s+alert\\.raise\\s+orders\\s+ok\\s+.*\"type\":\"FORMAT_DRIFT\"")
                .containsPattern("3\\s+\\S+Z\\s+" + ME + "\\s+job\\.pause\\s+orders\\s+ok\\s+\\{\"desired_state\":\"paused\"\\}")
                .containsPattern("4\\s+\\S+Z\\s+" + ME + "\\s+alert\\.acknowledge\\s+alert " + drift + "\\s+ok\\s+\\{\"comment\":\"bad deploy\"")
                .containsPattern("5\\s+\\S+Z\\s+" + ME + "\\s+job\\.pause\\s+billing\\s+refused\\s+.*billing");
        assertThat(CliRun.of("audit", "list", "--action", "job.pause", "--actor", ME, "--data", data).out())
                .contains("orders", "billing").doesNotContain("job.add", "alert.acknowledge");
        assertThat(CliRun.of("audit", "list", "--from", "2100-01-01T00:00:00Z", "--data", data).out()).doesNotContain("job.");
        assertThat(CliRun.of("audit", "list", "--action", "alert.acknowledge", "--json", "--data", data).out())
                .contains("\"seq\" : 4", "\"comment\" : \"bad deploy\"", "\"outcome\" : \"ok\"").containsPattern("\"hash\" : \"[0-9a-f]{64}\"");
    }

    @Test
    void verifyPassesThenNamesAnEditedEntryWithExitCode1() throws Exception {
        CliRun intact = CliRun.of("audit", "verify", "--data", data, "--config", config);
        assertThat(intact.exitCode()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out()).contains("5 entries, last 5", "The audit log is intact.");

        sql("UPDATE audit_entry SET parameters = '{\"desired_state\":\"running\"}' WHERE seq = 3");

        CliRun broken = CliRun.of("audit", "verify", "--data", data, "--config", config);
        assertThat(broken.exitCode()).isEqualTo(KafMirror.FINDINGS);
        assertThat(broken.out()).contains("BROKEN\tentry 3 was edited (its hash does not match its content)", "1 break(s) found");
    }

    @Test
    void anAnchorInTheStoreRevealsATruncationTheDatabaseHides() throws Exception {
        CliRun anchor = CliRun.of("audit", "anchor", "--data", data, "--config", config);
        assertThat(anchor.exitCode()).as(anchor.err()).isZero();
        assertThat(anchor.out()).containsPattern("Anchored entry 5 \\([0-9a-f]{64}\\) in store local as audit/.*/00000000000000000005-");
        try (Stream<Path> files = Files.walk(dir.resolve("store").resolve("audit"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".json"))).hasSize(1);
        }
        String hash4 = CliRun.of("audit", "list", "--json", "--data", data).out().split("\"hash\" : \"")[4].substring(0, 64);

        sql("DELETE FROM audit_entry WHERE seq = 5");
        sql("UPDATE audit_head SET seq = 4, hash = '" + hash4 + "'");

        CliRun verify = CliRun.of("audit", "verify", "--data", data, "--config", config);
        assertThat(verify.exitCode()).isEqualTo(KafMirror.FINDINGS);
        assertThat(verify.out()).contains("Checked against 1 anchor(s) in store(s) local.",
                "BROKEN\tthe log ends at 4 but anchor at sequence 5 in store local says it went further — truncated");
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + Path.of(data).toAbsolutePath().resolve("state")
                + ";AUTO_SERVER=TRUE", "kaf-mirror", ""); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
