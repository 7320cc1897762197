package io.kafmirror.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.state.HistoryEntry;
import io.kafmirror.engine.state.HistoryFilter;
import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's story: a bad deploy of the payment service is flagged by the backup, dated from its first corrupt event. */
class DemoBadDeployTest {

    @TempDir
    Path dir;

    @Test
    void aBadDeployIsFlaggedOnPaymentsFromItsFirstCorruptEventAndItsEndToo() throws Exception {
        try (Demo demo = Demo.start(dir)) {
            // Steady traffic first: the backup learns that payments (and orders, audit) carry JSON.
            Thread.sleep(12_000);
            assertThat(drifts(MirrorEvent.Type.FORMAT_DRIFT)).as("nothing flagged on the demo's normal traffic").isEmpty();

            Instant begins = demo.badDeploy(Duration.ofSeconds(5));
            HistoryEntry flagged = await(MirrorEvent.Type.FORMAT_DRIFT);
            assertThat(flagged.job()).isEqualTo(Demo.JOB);
            assertThat(flagged.topic()).isEqualTo(DemoEvents.PAYMENTS);
            assertThat(flagged.at()).as("the first corrupt event's time").isBetween(begins, begins.plusSeconds(1));
            assertThat(flagged.message()).startsWith(DemoEvents.PAYMENTS + ": 100 % of records since " + flagged.at()
                    + " are not valid JSON; before, 0 %.");

            HistoryEntry ended = await(MirrorEvent.Type.FORMAT_DRIFT_ENDED);
            assertThat(ended.at()).isBetween(begins.plusSeconds(4), begins.plusSeconds(6));
            assertThat(drifts(MirrorEvent.Type.FORMAT_DRIFT)).as("one incident").hasSize(1);
        }
    }

    private HistoryEntry await(MirrorEvent.Type type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<HistoryEntry> found = drifts(type);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No " + type + " in the demo job's history within 30 s");
    }

    private List<HistoryEntry> drifts(MirrorEvent.Type type) {
        try (StateDatabase state = StateDatabase.open(dir, "test")) {
            return state.history().query(HistoryFilter.of(Demo.JOB).types(type));
        }
    }
}
