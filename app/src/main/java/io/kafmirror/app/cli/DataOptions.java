package io.kafmirror.app.cli;

import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where kaf-mirror keeps its state database (jobs, history, metrics) and catalogs. */
public final class DataOptions {

    /** The actor the command line's changes are recorded under in the history and the audit log. */
    static final String ACTOR = "cli";

    @Option(names = "--data", paramLabel = "FOLDER",
            description = "Folder of the state database and catalogs, shared with the console. Default: ${DEFAULT-VALUE}.",
            defaultValue = "${env:KAF_MIRROR_HOME:-${sys:user.home}/.kaf-mirror}")
    Path data;

    /** The data folder. */
    public Path folder() {
        return data;
    }

    /** Opens the state database for the command line. */
    public StateDatabase openState() {
        return StateDatabase.open(data, ACTOR);
    }
}
