package io.kafmirror.app.cli;

import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.restore.RestoreSession;
import io.kafmirror.engine.restore.RestoreVerification;
import io.kafmirror.engine.run.OpenStores;
import io.kafmirror.engine.state.RestoreRecord;
import io.kafmirror.engine.state.StateDatabase;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror restore verify ID}: reads a restored topic back and compares it with the backup, again. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Read a restored topic back and compare every record with the backup; exit 1 when they differ.")
public final class RestoreVerify implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "ID", description = "The restore's number, from 'restore status'.")
    long id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        MirrorConfig loaded = config.load();
        try (OpenStores stores = new OpenStores(loaded, data.folder()); StateDatabase state = data.openState()) {
            RestoreRecord record = state.restores().get(id);
            RestoreSession session = new RestoreSession(stores.archive(record.spec().store()), record.spec().store(),
                    state.restores(), Clock.systemUTC());
            RestoreVerification v = session.verify(session.reopen(record),
                    loaded.cluster(record.spec().targetCluster()).clientProperties());
            spec.commandLine().getOut().printf("Restore #%d verification %s: %s in %d ms.%n", id, v.passed() ? "passed" : "FAILED",
                    v.passed() ? "every record equals the backup" : v.firstMismatch(), v.duration().toMillis());
            return v.passed() ? 0 : KafMirror.FINDINGS;
        }
    }
}
