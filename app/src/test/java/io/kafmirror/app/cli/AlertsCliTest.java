package io.kafmirror.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.state.AlertState;
import io.kafmirror.engine.state.HistoryFilter;
import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alerts list|ack|mute|unmute|mutes} on a real state database whose history an engine wrote. */
class AlertsCliTest {

    static final Instant T0 = Instant.parse("2026-12-03T09:14:07Z");

    @TempDir
    Path dir;

    private Path data;
    private long drift;
    private long gap;

    @BeforeEach
    void recordAnomalies() {
        data = dir.resolve("data");
        try (StateDatabase db = StateDatabase.open(data, "engine")) {
            db.jobs().add("orders", JobConfig.of("prod", "local", TopicSelection.parse("orders.*", "")));
            db.history().append("orders", new MirrorEvent(MirrorEvent.Type.TOPIC_ADDED, T0, "payments", -1, "payments is mirrored"));
            drift = append(db, MirrorEvent.Type.FORMAT_DRIFT, T0.plusSeconds(1), "payments: 38 % of records are not valid JSON");
            gap = append(db, MirrorEvent.Type.GAP, T0.plusSeconds(2), "offsets 10 to 19 were deleted before they were stored");
        }
    }

    @Test
    void openAlertsAreListedAndAnAcknowledgedOneOnlyWithAll() {
        assertThat(alerts("list").out())
                .containsPattern(gap + "\\s+2026-12-03T09:14:09Z\\s+critical\\s+orders\\s+payments-0\\s+GAP\\s+open")
                .contains("FORMAT_DRIFT").doesNotContain("TOPIC_ADDED");

        CliRun ack = alerts("ack", String.valueOf(drift), "--comment", "bad deploy, rolled back");

        assertThat(ack.exitCode()).as(ack.err()).isZero();
        assertThat(ack.out()).contains("Alert " + drift + " (FORMAT_DRIFT of job orders on payments) acknowledged by "
                + System.getProperty("user.name"));
        assertThat(alerts("list").out()).doesNotContain("FORMAT_DRIFT");
        assertThat(alerts("list", "--all").out()).containsPattern("FORMAT_DRIFT\\s+acknowledged");
        try (StateDatabase db = StateDatabase.open(data, "test")) {
            assertThat(db.alerts().get(drift).acknowledgement().comment()).isEqualTo("bad deploy, rolled back");
        }
    }

    @Test
    void aMutedTypeIsNotOpenUntilUnmutedAndTheMuteIsListed() {
        CliRun mute = alerts("mute", "--job", "orders", "--type", "gap", "--for", "24h");

        assertThat(mute.exitCode()).as(mute.err()).isZero();
        assertThat(mute.out()).contains("Muted GAP alerts of job orders on any topic until 2026-")
                .contains("alerts unmute --job orders --type GAP");
        assertThat(alerts("list").out()).doesNotContain("GAP");
        assertThat(alerts("list", "--all", "--job", "orders").out()).containsPattern("GAP\\s+muted");
        assertThat(alerts("mutes").out()).containsPattern("orders\\s+GAP\\s+\\(any\\)");

        assertThat(alerts("unmute", "--job", "orders", "--type", "GAP").out()).contains("Unmuted GAP alerts of job orders on any topic");
        assertThat(alerts("mutes").out()).doesNotContain("GAP");
    }

    @Test
    void jsonCarriesStateSeverityAndRestorePoint() {
        String json = alerts("list", "--json", "--severity", "critical").out();

        assertThat(json).contains("\"id\" : " + drift).contains("\"severity\" : \"CRITICAL\"").contains("\"state\" : \"OPEN\"")
                .contains("\"restorePoint\" : \"2026-12-03T09:14:07.999Z\"");
    }

    @Test
    void mistakesAreRefusedNamingTheThingAndWhatToDo() {
        assertThat(alerts("ack", "999")).satisfies(r -> assertThat(r.exitCode()).isEqualTo(KafMirror.FAILED))
                .extracting(CliRun::err).asString().contains("no alert 999").contains("alerts list --all");
        assertThat(alerts("mute", "--job", "orders", "--type", "DRIFT").err()).contains("no event type 'DRIFT'").contains("FORMAT_DRIFT");
        assertThat(alerts("mute", "--job", "orders", "--type", "GAP", "--for", "a day").err())
                .contains("'a day' is not a duration").contains("2h");
        assertThat(alerts("mute", "--job", "billing", "--type", "GAP").err()).contains("billing").contains("orders");
        assertThat(alerts("unmute", "--job", "orders", "--type", "GAP").err()).contains("No mute of GAP alerts of job orders");
        assertThat(alerts("list").exitCode()).isZero();
        try (StateDatabase db = StateDatabase.open(data, "test")) {
            assertThat(db.alerts().get(gap).state()).isEqualTo(AlertState.OPEN);
        }
    }

    private CliRun alerts(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "alerts";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data";
        all[args.length + 2] = data.toString();
        return CliRun.of(all);
    }

    private static long append(StateDatabase db, MirrorEvent.Type type, Instant at, String message) {
        db.history().append("orders", new MirrorEvent(type, at, "payments", type == MirrorEvent.Type.GAP ? 0 : -1, message));
        return db.history().query(HistoryFilter.of("orders").types(type).limit(1)).get(0).id();
    }
}
