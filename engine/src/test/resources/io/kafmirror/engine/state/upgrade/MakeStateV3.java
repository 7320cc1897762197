// Writes state-v3.mv.db, the upgrade test's database: made by kaf-mirror as of commit 4dc4b81, the last one whose
// state schema is version 3 (before the audit log), through that commit's own engine API. Not compiled by the build:
// it needs the old engine on its class path. How to run it: README.md beside this file.
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.state.DesiredState;
import io.kafmirror.engine.state.Lifecycle;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.RestoreRecord;
import io.kafmirror.engine.state.RestoreSpec;
import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public class MakeStateV3 {

    /** A clock one second further on each time it is read, from 2026-11-20 09:00 UTC: every row has its own time. */
    static final class Ticking extends Clock {
        private Instant now = Instant.parse("2026-11-20T09:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public synchronized Instant instant() { now = now.plusSeconds(1); return now; }
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        Ticking clock = new Ticking();
        try (StateDatabase db = StateDatabase.open(dataDir, "cli", clock, Duration.ofDays(3650))) {
            db.jobs().add("orders-backup", JobConfig.of("prod", "vault", TopicSelection.parse("orders.*", "")));
            db.jobs().add("payments-backup", JobConfig.of("prod", "vault", TopicSelection.parse("payments.*", "payments.tmp.*")));
            db.jobs().add("scratch", JobConfig.of("test", "vault", TopicSelection.parse("scratch", "")));
            db.jobs().setDesiredState("payments-backup", DesiredState.PAUSED);
            db.jobs().remove("scratch");
            db.history().append("orders-backup", Lifecycle.RUN_STARTED, "kaf-mirror run started the job");

            Instant t0 = Instant.parse("2026-11-20T09:05:00Z");
            db.history().append("orders-backup", new MirrorEvent(MirrorEvent.Type.TOPIC_ADDED, t0, "orders.eu", 0,
                    "Topic orders.eu (3 partitions) is now mirrored"));
            db.history().append("orders-backup", new MirrorEvent(MirrorEvent.Type.GAP, t0.plusSeconds(60), "orders.eu", 1,
                    "Offsets 1200-1299 of orders.eu-1 were deleted by retention before they were stored"));
            db.history().append("orders-backup", new MirrorEvent(MirrorEvent.Type.STORE_ERROR, t0.plusSeconds(120), null, -1,
                    "Store vault refused a write: disk full"));

            List<MetricSample> samples = new ArrayList<>();
            for (int minute = 0; minute < 10; minute++) {
                for (int partition = 0; partition < 3; partition++) {
                    long end = 1000L * (minute + 1) + partition;
                    samples.add(new MetricSample("orders-backup", "orders.eu", partition, t0.plusSeconds(60L * minute),
                            end, end - 10 * partition, 10L * partition, 0.5 * partition, 16.5 + minute, 16_500.0 + minute,
                            minute % 2 == 0 ? 12L : null, partition == 2 && minute == 9 ? "fetch timed out" : null));
                }
            }
            db.metrics().insert(samples);

            long gap = db.alerts().list(io.kafmirror.engine.state.AlertFilter.all()).stream()
                    .filter(a -> a.type() == MirrorEvent.Type.GAP).findFirst().orElseThrow().id();
            db.alerts().acknowledge(gap, "retention raised to 7 days on orders.eu");
            db.alerts().mute("orders-backup", MirrorEvent.Type.STORE_ERROR, null, null);

            UUID topicId = UUID.fromString("6f1c9a52-3b8e-4d7a-9c11-2f4e5d6a7b80");
            RestoreRecord done = db.restores().begin(new RestoreSpec("prod", "vault", "orders.eu", topicId,
                    "2026-11-20T09:10:00Z", null, false, "dr", "orders.eu.restored",
                    Map.of(0, 1000L, 1, 1100L, 2, 1200L), Map.of(0, 0L, 1, 0L, 2, 0L), 3300));
            db.restores().update(done.id(), 3300, RestoreRecord.RestoreState.COMPLETED, "Restored 3,300 records");
            db.restores().verified(done.id(), new RestoreRecord.Verification(true, 3300, 3300, Duration.ofMillis(850),
                    "all 3,300 records read back equal the backup"));
            db.restores().begin(new RestoreSpec("prod", "vault", "orders.eu", topicId, "2026-11-20T09:12:00Z",
                    Instant.parse("2026-11-20T09:00:00Z"), true, "dr", "orders.eu.partial",
                    Map.of(0, 1500L), Map.of(0, 200L), 1300));
        }
    }
}
