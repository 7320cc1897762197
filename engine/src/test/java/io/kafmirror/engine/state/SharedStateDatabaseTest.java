package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console and the CLI as they run: two JVMs on one database file. */
class SharedStateDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void twoProgramsSeeEachOthersWritesAndTheSecondCarriesOnWhenTheFirstExits() throws Exception {
        try (OtherProgram cli = OtherProgram.start(dataDir, "shared");
             StateDatabase console = StateDatabase.open(dataDir, "console")) {
            cli.ask("add orders");
            assertThat(console.jobs().list()).extracting(Job::name).containsExactly("orders");

            console.jobs().add("payments", StateDatabaseTest.ORDERS);
            assertThat(cli.ask("list")).isEqualTo("orders,payments");

            cli.exit();
            console.jobs().add("audit", StateDatabaseTest.ORDERS);
            assertThat(console.jobs().list()).extracting(Job::name).containsExactly("audit", "orders", "payments");
        }
    }

    @Test
    void aDatabaseHeldByAProgramThatDoesNotShareItIsNamedWithWhatToDo() throws Exception {
        try (OtherProgram h2Tool = OtherProgram.start(dataDir, "unshared")) {
            assertThatThrownBy(() -> StateDatabase.open(dataDir, "console"))
                    .hasMessageContaining(dataDir.resolve("state.mv.db").toString())
                    .hasMessageContaining("in use by a program that did not open it for sharing")
                    .hasMessageContaining("close that program and try again");
        }
    }
}
