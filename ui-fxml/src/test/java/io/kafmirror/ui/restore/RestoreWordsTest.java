package io.kafmirror.ui.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.restore.GroupOffsetTranslation;
import io.kafmirror.engine.restore.RestoreVerification;
import io.kafmirror.engine.restore.TargetOptions;
import io.kafmirror.engine.restore.TranslatedGroup;
import io.kafmirror.engine.restore.TranslatedOffset;
import io.kafmirror.engine.snapshot.SnapshotKey;
import io.kafmirror.engine.snapshot.SnapshotKind;
import io.kafmirror.engine.state.RestoreRecord;
import io.kafmirror.engine.state.RestoreSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How the Restore screen words the endings a real broker rarely gives a test: a failed verification, a cancelled run. */
class RestoreWordsTest {

    static final Instant AT = Instant.parse("2026-12-02T09:00:00Z");

    @Test
    void aFailedVerificationSaysHowManyRecordsDifferAndWhereTheFirstIs() {
        RestoreVerification failed = new RestoreVerification(List.of(new RestoreVerification.Partition(0, 120, 120, 0),
                new RestoreVerification.Partition(1, 80, 79, 2)), new RestoreVerification.Mismatch(1, 41,
                "the value differs from the backup's"), Duration.ofMillis(1_530));

        String text = RestoreWords.result(new ClusterRestore.Result(record(RestoreRecord.RestoreState.COMPLETED, 200),
                List.of("Topic 'orders.restored' exists on the target."), null, failed));

        assertThat(text).isEqualTo("Restore #7 completed: 200 of 200 records in 'orders.restored' on dr.\n"
                + "Verification FAILED: 199 records read back, 2 differ; first at partition 1, offset 41: the value differs"
                + " from the backup's (1 s).\n! Topic 'orders.restored' exists on the target.");
    }

    @Test
    void aCancelledRestoreIsNotVerifiedAndSaysHowToResumeIt() {
        String text = RestoreWords.result(new ClusterRestore.Result(record(RestoreRecord.RestoreState.CANCELLED, 120),
                List.of(), null, null));

        assertThat(text).isEqualTo("Restore #7 cancelled: 120 of 200 records in 'orders.restored' on dr."
                + " Press Restore again to resume it.");
    }

    @Test
    void movedGroupsAreListedWithTheirTargetOffsetsAndAnUnverifiedRestoreSaysSo() {
        GroupOffsetTranslation moved = new GroupOffsetTranslation(new SnapshotKey("prod", SnapshotKind.GROUP_OFFSETS,
                AT.minusSeconds(60), "w"), "orders.restored", List.of(
                new TranslatedGroup("billing", "billing", List.of(new TranslatedOffset(0, 1_500, 1_200, ""),
                        new TranslatedOffset(1, 80, 80, ""))),
                new TranslatedGroup("audit", "audit", List.of(new TranslatedOffset(0, 3, 3, "")))),
                List.of("Group audit committed on partition 2, which is not restored."));

        String text = RestoreWords.result(new ClusterRestore.Result(record(RestoreRecord.RestoreState.COMPLETED, 200),
                List.of(), moved, null));

        assertThat(text).isEqualTo("Restore #7 completed: 200 of 200 records in 'orders.restored' on dr.\n"
                + "Consumer groups set on 'orders.restored' as of the snapshot of 2026-12-02T08:59:00Z: billing at [0:1,200, 1:80];"
                + " audit at [0:3].\n! Group audit committed on partition 2, which is not restored.\n"
                + "Not verified: Verify after restore was off.");
    }

    @Test
    void severalTopicsEndEachInAParagraphOfItsOwn() {
        RestoreOrder order = new RestoreOrder("local", new BackedUpTopic("prod", "payments"), AT, RestoreScope.ALL, null, "dr",
                "payments.restored", TargetOptions.asStored(), GroupChoice.NONE, 0, true);

        String text = RestoreWords.results(List.of(
                new TopicOutcome(order, null, new IllegalStateException("Topic 'payments.restored' holds 5 records.")),
                new TopicOutcome(order, null, null)));

        assertThat(text).isEqualTo("Restore of payments into 'payments.restored' failed: Topic 'payments.restored' holds 5"
                + " records. Press Restore again to resume it.\nRestore of payments into 'payments.restored' not started:"
                + " cancelled before it. Press Restore again to run it.");
    }

    private static RestoreRecord record(RestoreRecord.RestoreState state, long restored) {
        RestoreSpec spec = new RestoreSpec("prod", "local", "orders", UUID.randomUUID(), AT.toString(), null, false, "dr",
                "orders.restored", Map.of(0, 120L, 1, 80L), Map.of(0, 0L, 1, 0L), 200);
        return new RestoreRecord(7, AT, AT, "console", spec, restored, state, null, null);
    }
}
