package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.engine.state.RestoreRecord.RestoreState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RestoreLogTest extends StateDatabaseFixture {

    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    private static final UUID ORDERS = UUID.fromString("6b1a3c9e-0000-4000-8000-000000000001");

    RestoreLogTest() {
        super("cli", START, MetricsSeries.DEFAULT_RETENTION);
    }

    @Test
    void aRestoreIsRememberedAcrossOpeningsWithItsProgressAndVerification() {
        long id = db.restores().begin(spec("orders.restored", Map.of(0, 0L, 1, 12L))).id();
        db.restores().update(id, 1_500, RestoreState.CANCELLED, "cancelled by the operator");
        db.restores().verified(id, new RestoreRecord.Verification(false, 2_000, 1_500, Duration.ofMillis(830),
                "partition 1 ends at target offset 1512"));
        reopen();

        RestoreRecord r = db.restores().get(id);
        assertThat(r.spec()).isEqualTo(spec("orders.restored", Map.of(0, 0L, 1, 12L)));
        assertThat(r.actor()).isEqualTo("cli");
        assertThat(r.created()).isEqualTo(START);
        assertThat(r.restoredRecords()).isEqualTo(1_500);
        assertThat(r.state()).isEqualTo(RestoreState.CANCELLED);
        assertThat(r.message()).isEqualTo("cancelled by the operator");
        assertThat(r.verification()).isEqualTo(new RestoreRecord.Verification(false, 2_000, 1_500, Duration.ofMillis(830),
                "partition 1 ends at target offset 1512"));
    }

    @Test
    void theSameRestoreAskedAgainFindsTheUnfinishedOneAndAFinishedOneIsNotResumed() {
        RestoreRecord killed = db.restores().begin(spec("orders.restored", Map.of(0, 0L, 1, 0L)));
        RestoreRecord done = db.restores().begin(spec("orders.copy", Map.of(0, 0L, 1, 0L)));
        db.restores().update(done.id(), 2_000, RestoreState.COMPLETED, null);

        // Asked again: the target's offsets are what they are now, which is why they do not identify a restore.
        assertThat(db.restores().unfinished(spec("orders.restored", Map.of(0, 700L, 1, 650L)))).map(RestoreRecord::id)
                .hasValue(killed.id());
        assertThat(db.restores().unfinished(spec("orders.copy", Map.of(0, 0L, 1, 0L)))).isEmpty();
        assertThat(db.restores().unfinished(spec("orders.other", Map.of(0, 0L, 1, 0L)))).isEmpty();
        RestoreSpec otherGeneration = spec("orders.restored", Map.of(0, 0L, 1, 0L));
        otherGeneration = new RestoreSpec(otherGeneration.sourceCluster(), otherGeneration.store(), otherGeneration.topic(),
                UUID.randomUUID(), otherGeneration.restorePoint(), null, false, otherGeneration.targetCluster(),
                otherGeneration.targetTopic(), otherGeneration.cutEnds(), otherGeneration.startOffsets(), 2_000);
        assertThat(db.restores().unfinished(otherGeneration)).as("the recreated topic's other generation is another restore")
                .isEmpty();
        assertThat(db.restores().list()).extracting(RestoreRecord::id).containsExactly(done.id(), killed.id());
    }

    @Test
    void anUnknownRestoreNumberSaysHowToListThem() {
        assertThatThrownBy(() -> db.restores().get(42)).hasMessageContaining("no restore #42")
                .hasMessageContaining("kaf-mirror restore status");
    }

    private static RestoreSpec spec(String target, Map<Integer, Long> starts) {
        return new RestoreSpec("prod", "vault", "orders", ORDERS, "2026-11-25T08:13:00Z", null, false, "dr", target,
                Map.of(0, 1_000L, 1, 1_012L), starts, 2_000);
    }
}
