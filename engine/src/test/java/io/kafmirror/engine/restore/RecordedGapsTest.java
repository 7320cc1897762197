package io.kafmirror.engine.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedGapsTest {

    @TempDir
    Path dir;

    @Test
    void aGapOnARestoredPartitionOfTheSameClusterIsAWarningWithTheEnginesDescription() {
        try (StateDatabase state = StateDatabase.open(dir, "test")) {
            state.jobs().add("orders-backup", JobConfig.of("prod", "vault", TopicSelection.parse("orders", "")));
            state.jobs().add("staging-backup", JobConfig.of("staging", "vault", TopicSelection.parse("orders", "")));
            Instant at = Instant.parse("2026-11-25T09:14:07Z");
            state.history().append("orders-backup", new MirrorEvent(MirrorEvent.Type.GAP, at, "orders", 1,
                    "Offsets 1200 to 1299 were deleted by retention before they were stored."));
            state.history().append("orders-backup", new MirrorEvent(MirrorEvent.Type.GAP, at, "orders", 5, "not restored"));
            state.history().append("orders-backup", new MirrorEvent(MirrorEvent.Type.GAP, at, "payments", 1, "other topic"));
            state.history().append("staging-backup", new MirrorEvent(MirrorEvent.Type.GAP, at, "orders", 1, "other cluster"));
            state.history().append("orders-backup", new MirrorEvent(MirrorEvent.Type.TOPIC_ADDED, at, "orders", 1, "not a gap"));

            List<String> warnings = new RecordedGaps(state).warnings(plan());

            assertThat(warnings).containsExactly("Partition 1 of 'orders' has a recorded gap (job orders-backup,"
                    + " 2026-11-25T09:14:07Z): Offsets 1200 to 1299 were deleted by retention before they were stored."
                    + " Those records are not in the backup and cannot be restored.");
        }
    }

    private static RestorePlan plan() {
        RestoreRequest request = RestoreRequest.of("prod", "orders", new RestorePoint.AtTime(Instant.parse("2026-11-25T10:00:00Z")));
        return new RestorePlan(request, UUID.randomUUID(), List.of(new PartitionCut(0, 0, 100, 100, 1_000, List.of("a")),
                new PartitionCut(1, 0, 2_000, 1_900, 19_000, List.of("a"))), List.of());
    }
}
