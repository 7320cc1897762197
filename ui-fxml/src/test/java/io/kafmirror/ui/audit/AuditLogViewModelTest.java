package io.kafmirror.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.audit.AuditAnchoring;
import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.state.DesiredState;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.SameThread;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only Audit log screen over a real state database the CLI changed, and a store holding an anchor. */
class AuditLogViewModelTest {

    private static final String ME = System.getProperty("user.name");

    @TempDir
    Path folder;

    private final List<Throwable> errors = new ArrayList<>();
    private Path data;
    private Path config;
    private AuditLogState state;
    private AuditLogViewModel model;

    @BeforeEach
    void changesMadeWithTheCli() throws Exception {
        data = folder.resolve("data");
        config = Files.writeString(folder.resolve("config.yml"), "stores:\n  local: { type: local, path: " + folder.resolve("store") + " }\n");
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            cli.jobs().add("orders", JobConfig.of("prod", "local", TopicSelection.parse("orders.*", "")));
            cli.jobs().setDesiredState("orders", DesiredState.PAUSED);
            new AuditAnchoring(new ConfigLoader().load(config), cli, Clock.systemUTC()).anchor(List.of());
        }
        state = new AuditLogState(data, config);
        model = new AuditLogViewModel(state, new SameThread(), errors::add, ZoneOffset.UTC);
        model.refresh();
    }

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void entriesAreShownNewestFirstAndTheSelectedOneInFull() {
        assertThat(model.entries()).extracting(r -> r.entry().action(), r -> r.entry().actor(), AuditRow::outcomeText)
                .containsExactly(tuple("job.pause", ME, "ok"),
                        tuple("job.add", ME, "ok"));

        model.selectedProperty().set(model.entries().get(0));

        assertThat(model.details().get()).startsWith("Entry 2 at ").contains(ME + " job.pause orders: ok",
                "Parameters: {\"desired_state\":\"paused\"}", "Hash: " + model.entries().get(0).entry().hash(),
                "Previous hash: " + model.entries().get(1).entry().hash());
        assertThat(errors).isEmpty();
    }

    @Test
    void verifySaysTheLogIsIntactThenNamesAnEditedEntry() throws Exception {
        model.verify();
        assertThat(model.verificationProperty().get())
                .isEqualTo("2 entries, 1 anchor(s) checked in local. The audit log is intact.");
        assertThat(model.brokenProperty().get()).isFalse();

        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("state")
                + ";AUTO_SERVER=TRUE", "kaf-mirror", ""); Statement s = c.createStatement()) {
            s.execute("UPDATE audit_entry SET target = 'payments' WHERE seq = 1");
        }
        model.verify();

        assertThat(model.verificationProperty().get()).isEqualTo("2 entries, 1 anchor(s) checked in local. 1 break(s):"
                + " entry 1 was edited (its hash does not match its content).");
        assertThat(model.brokenProperty().get()).isTrue();
        assertThat(model.verifyingProperty().get()).isFalse();
        assertThat(errors).isEmpty();
    }
}
