package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console, the CLI and {@code kaf-mirror run} append at the same moment: the log stays one chain. */
class AuditConcurrencyTest {

    private static final int EACH = 150;

    @TempDir
    Path dataDir;

    @Test
    void twoOpenDatabasesAppendingFromManyThreadsKeepOneChain() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (StateDatabase console = StateDatabaseFixture.actingAs(StateDatabase.open(dataDir, "console"), "console");
             StateDatabase cli = StateDatabaseFixture.actingAs(StateDatabase.open(dataDir, "cli"), "cli")) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> appenders = new ArrayList<>();
            for (StateDatabase db : List.of(console, cli, console, cli)) {
                appenders.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < EACH; i++) {
                        db.audit().append(AuditAction.JOB_RESUME, "orders", Map.of("i", i), AuditOutcome.OK, null);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> appender : appenders) {
                appender.get();
            }

            assertOneChain(console, 4 * EACH);
            assertThat(console.audit().list(AuditFilter.all().byActor("cli"))).hasSize(2 * EACH);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anotherProgramAppendingAtTheSameMomentKeepsOneChain() throws Exception {
        try (StateDatabase console = StateDatabase.open(dataDir, "console"); OtherProgram cli = OtherProgram.start(dataDir, "shared")) {
            CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> {
                try {
                    return cli.ask("audit " + EACH);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; i < EACH; i++) {
                console.audit().append(AuditAction.JOB_PAUSE, "from-console", Map.of("i", i), AuditOutcome.OK, null);
            }
            assertThat(other.get()).isEqualTo("appended");
            cli.exit();

            assertOneChain(console, 2 * EACH);
            assertThat(console.audit().list(AuditFilter.all().byActor("cli"))).hasSize(EACH);
        }
    }

    private static void assertOneChain(StateDatabase db, int entries) {
        List<AuditEntry> all = db.audit().list(AuditFilter.all());
        assertThat(all).extracting(AuditEntry::seq).containsExactlyElementsOf(LongStream.rangeClosed(1, entries).boxed().toList());
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).previousHash()).isEqualTo(all.get(i - 1).hash());
        }
        AuditVerification v = db.audit().verify(List.of());
        assertThat(v.findings()).isEmpty();
        assertThat(v.lastSeq()).isEqualTo(entries);
    }
}
