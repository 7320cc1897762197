package io.kafmirror.app.cli;

import io.kafmirror.engine.state.Alert;
import io.kafmirror.engine.state.StateDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror alerts ack ID [--comment TEXT]}. */
@Command(name = "ack", mixinStandardHelpOptions = true,
        description = "Acknowledge an alert as your operating-system user: it is no longer open.")
public final class AlertsAck implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "ID", description = "The alert's id, as 'kaf-mirror alerts list' shows it.")
    long id;

    @Option(names = "--comment", paramLabel = "TEXT", description = "What you found or did, kept with the acknowledgement.")
    String comment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Alert alert;
        try (StateDatabase state = data.openState()) {
            alert = state.alerts().acknowledge(id, comment);
        }
        spec.commandLine().getOut().printf("Alert %d (%s of job %s%s) acknowledged by %s.%n", id, alert.type(), alert.job(),
                alert.topic() == null ? "" : " on " + alert.topic(), alert.acknowledgement().by());
        return 0;
    }
}
