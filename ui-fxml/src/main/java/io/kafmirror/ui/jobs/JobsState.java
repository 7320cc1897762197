package io.kafmirror.ui.jobs;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.state.DesiredState;
import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.ConsoleState;
import java.nio.file.Path;
import java.util.List;

/**
 * The jobs in the state database shared with the CLI and {@code kaf-mirror run}, changed through the same
 * {@code JobStore} calls as {@code kaf-mirror jobs add|update|pause|resume|remove}, so an engine follows a change
 * made here as it follows one made there. Opened as actor {@code console} on first use. Blocks on H2: call it off
 * the FX thread.
 */
public final class JobsState implements AutoCloseable {

    private final ConsoleState state;

    /** The state database in {@code dataDir}, not opened yet. */
    public JobsState(Path dataDir) {
        this.state = new ConsoleState(dataDir);
    }

    /** Every job with its latest metrics, sorted by name. */
    public synchronized List<JobRow> rows() {
        StateDatabase db = state.get();
        return db.jobs().list().stream().map(job -> JobRow.of(job, db.metrics().latest(job.name()))).toList();
    }

    /** Adds the job {@code name}, running, as {@code jobs add} does. */
    public synchronized Job add(String name, JobConfig config) {
        return state.get().jobs().add(name, config);
    }

    /** Replaces the configuration of the job {@code name}; its desired state stays. */
    public synchronized Job update(String name, JobConfig config) {
        return state.get().jobs().update(name, config);
    }

    /** Sets what the job {@code name} should do, as {@code jobs pause|resume} do. */
    public synchronized Job setDesiredState(String name, DesiredState desired) {
        return state.get().jobs().setDesiredState(name, desired);
    }

    /** Removes the job {@code name} as {@code jobs remove} does: its segments and history stay. */
    public synchronized void remove(String name) {
        state.get().jobs().remove(name);
    }

    /** Closes the database; the next call opens it again. */
    @Override
    public synchronized void close() {
        state.close();
    }
}
