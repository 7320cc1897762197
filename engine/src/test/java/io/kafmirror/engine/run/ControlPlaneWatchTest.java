package io.kafmirror.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.snapshot.CommittedOffset;
import io.kafmirror.engine.snapshot.GroupOffsets;
import io.kafmirror.engine.snapshot.GroupOffsetsSnapshot;
import io.kafmirror.engine.snapshot.Snapshot;
import io.kafmirror.engine.snapshot.SnapshotBody;
import io.kafmirror.engine.snapshot.SnapshotKey;
import io.kafmirror.engine.snapshot.SnapshotKind;
import io.kafmirror.engine.snapshot.SnapshotOutcome;
import io.kafmirror.engine.snapshot.TopicConfig;
import io.kafmirror.engine.snapshot.TopicMetadata;
import io.kafmirror.engine.snapshot.TopicsSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which rounds are compared with which, when a round could not take or complete a kind. */
class ControlPlaneWatchTest {

    private static final Instant T = Instant.parse("2026-12-03T09:00:00Z");
    private static final UUID ORDERS = UUID.fromString("00000000-0000-0000-0000-000000000007");

    private final ControlPlaneWatch watch = new ControlPlaneWatch();

    @Test
    void theFirstRoundSetsTheBaselineAndEventsCarryTheTimeOfTheSnapshotThatShowedTheChange() {
        assertThat(watch.changes(round(1, topics("3600000"), groups(10)))).isEmpty();

        List<MirrorEvent> events = watch.changes(round(2, topics("60000"), groups(10)));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(MirrorEvent.Type.RETENTION_LOWERED);
            assertThat(e.at()).isEqualTo(at(2));
            assertThat(e.topic()).isEqualTo("orders");
            assertThat(e.message()).endsWith("The snapshot of " + at(1) + " still had 1 hour.");
        });
    }

    @Test
    void aRoundWithoutItsTopicsSnapshotJudgesNothingAndTheNextIsComparedWithTheLastCompleteOne() {
        watch.changes(round(1, topics("3600000"), groups(10)));

        assertThat(watch.changes(round(2, null, groups(4)))).isEmpty();
        List<MirrorEvent> events = watch.changes(round(3, topics("3600000"), groups(4)));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(MirrorEvent.Type.GROUP_OFFSETS_RESET);
            assertThat(e.at()).isEqualTo(at(3));
            assertThat(e.message()).contains("(partition 0 from 10 to 4)").endsWith("The snapshot of " + at(1)
                    + " holds the former offsets.");
        });
    }

    @Test
    void aGroupMissingFromARoundThatLeftOutGroupsIsNotReportedDeletedUntilACompleteRoundMissesIt() {
        watch.changes(round(1, topics("3600000"), groups(10)));

        SnapshotOutcome leftOut = new SnapshotOutcome(at(2), List.of(snapshot(SnapshotKind.TOPICS, 2, topics("3600000")),
                snapshot(SnapshotKind.GROUP_OFFSETS, 2, new GroupOffsetsSnapshot(List.of()))),
                List.of(new SnapshotOutcome.Problem(SnapshotKind.GROUP_OFFSETS, "Consumer group billing is left out")));
        assertThat(watch.changes(leftOut)).isEmpty();

        assertThat(watch.changes(round(3, topics("3600000"), new GroupOffsetsSnapshot(List.of())))).singleElement()
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo(MirrorEvent.Type.GROUP_OFFSETS_DELETED);
                    assertThat(e.message()).as("the snapshot that last held them").endsWith("The snapshot of " + at(1)
                            + " holds the deleted offsets.");
                });
    }

    private static SnapshotOutcome round(int minute, TopicsSnapshot topics, GroupOffsetsSnapshot groups) {
        List<Snapshot<?>> taken = new ArrayList<>();
        if (topics != null) {
            taken.add(snapshot(SnapshotKind.TOPICS, minute, topics));
        }
        taken.add(snapshot(SnapshotKind.GROUP_OFFSETS, minute, groups));
        return new SnapshotOutcome(at(minute), taken, List.of());
    }

    private static <B extends SnapshotBody> Snapshot<B> snapshot(SnapshotKind<B> kind, int minute, B body) {
        return new Snapshot<>(new SnapshotKey("prod", kind, at(minute), "w1"), body);
    }

    private static TopicsSnapshot topics(String retentionMs) {
        return new TopicsSnapshot(List.of(new TopicMetadata("orders", ORDERS, 1, 1,
                Map.of("retention.ms", new TopicConfig(retentionMs, TopicConfig.TOPIC_OVERRIDE)))));
    }

    private static GroupOffsetsSnapshot groups(long offset) {
        return new GroupOffsetsSnapshot(List.of(new GroupOffsets("billing", "Empty",
                List.of(new CommittedOffset("orders", 0, offset, null, "")))));
    }

    private static Instant at(int minute) {
        return T.plusSeconds(60L * minute);
    }
}
