package io.kafmirror.ui.alerts;

import io.kafmirror.engine.state.Alert;
import io.kafmirror.engine.state.AlertFilter;
import io.kafmirror.engine.state.Mute;
import io.kafmirror.ui.ConsoleState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The alerts in the state database shared with the CLI, changed through the same {@code Alerts} calls as
 * {@code kaf-mirror alerts ack|mute|unmute}. Opened as actor {@code console} on first use. Blocks on H2: call it off
 * the FX thread.
 */
public final class AlertsState implements AutoCloseable {

    private final ConsoleState state;

    /** The state database in {@code dataDir}, not opened yet. */
    public AlertsState(Path dataDir) {
        this.state = new ConsoleState(dataDir);
    }

    /** The newest alerts, open ones only unless {@code all}. */
    public synchronized List<Alert> list(boolean all) {
        return state.get().alerts().list(all ? AlertFilter.all() : AlertFilter.open());
    }

    /** Acknowledges the alert {@code id} with {@code comment}, as {@code alerts ack} does. */
    public synchronized Alert acknowledge(long id, String comment) {
        return state.get().alerts().acknowledge(id, comment);
    }

    /** Mutes the alerts of {@code alert}'s job and type on its topic, for {@code duration} or until unmuted when {@code null}. */
    public synchronized Mute mute(Alert alert, Duration duration) {
        return state.get().alerts().mute(alert.job(), alert.type(), alert.topic(), duration);
    }

    /** Ends {@code mute} now, as {@code alerts unmute} does. */
    public synchronized void unmute(Mute mute) {
        state.get().alerts().unmute(mute.job(), mute.type(), mute.topic());
    }

    /** Closes the database; the next call opens it again. */
    @Override
    public synchronized void close() {
        state.close();
    }
}
