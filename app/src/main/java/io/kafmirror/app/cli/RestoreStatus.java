package io.kafmirror.app.cli;

import io.kafmirror.engine.state.RestoreRecord;
import io.kafmirror.engine.state.StateDatabase;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror restore status}: every restore, newest first, with its progress and verification. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "List the restores, newest first.")
public final class RestoreStatus implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TextTable table = new TextTable("ID", "STARTED", "TOPIC", "POINT", "TARGET", "STATE", "RECORDS", "VERIFIED");
        try (StateDatabase state = data.openState()) {
            Instant now = Instant.now();
            for (RestoreRecord r : state.restores().list()) {
                table.row(r.id(), r.created(), r.spec().topic(), r.spec().restorePoint(),
                        r.spec().targetCluster() + "/" + r.spec().targetTopic(), r.silentAt(now) ? "stopped" : r.state().name().toLowerCase(),
                        r.restoredRecords() + "/" + r.spec().plannedRecords(),
                        r.verification() == null ? "-" : r.verification().passed() ? "passed" : "FAILED");
            }
        }
        table.print(spec.commandLine().getOut());
        return 0;
    }
}
