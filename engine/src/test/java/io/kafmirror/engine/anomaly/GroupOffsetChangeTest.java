package io.kafmirror.engine.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.snapshot.CommittedOffset;
import io.kafmirror.engine.snapshot.GroupOffsets;
import io.kafmirror.engine.snapshot.GroupOffsetsSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupOffsetChangeTest {

    private static final Instant PREVIOUS = Instant.parse("2026-12-03T09:09:05Z");
    private static final Instant SEEN = Instant.parse("2026-12-03T09:14:05Z");
    private static final Set<String> CONTINUING = Set.of("orders", "refunds");

    private static final GroupOffsets BILLING = group("billing", offset("orders", 0, 1204), offset("orders", 1, 998),
            offset("orders", 2, 1311), offset("refunds", 0, 40));

    @Test
    void offsetsDeletedFromAGroupThatKeepsOthersAreNamedWithTheirLastCommittedOffsets() {
        List<GroupOffsetChange> changes = GroupOffsetChange.between(snapshot(BILLING),
                snapshot(group("billing", offset("refunds", 0, 41))), CONTINUING, false);

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(GroupOffsetChange.Kind.DELETED);
            assertThat(change.group()).isEqualTo("billing");
            assertThat(change.topic()).isEqualTo("orders");
            assertThat(change.partitions()).extracting(GroupOffsetChange.Moved::partition).containsExactly(0, 1, 2);
            assertThat(change.sentence(SEEN, PREVIOUS)).isEqualTo("group billing: committed offsets of orders deleted"
                    + " (partitions 0–2; last committed 1,204, 998, 1,311) at 2026-12-03T09:14:05Z — by an admin, or expired"
                    + " while the group was empty; its consumers will start where their auto.offset.reset says."
                    + " The snapshot of 2026-12-03T09:09:05Z holds the deleted offsets.");
        });
    }

    @Test
    void aGroupDeletedWholeLosesTheOffsetsOfEachTopic() {
        assertThat(GroupOffsetChange.between(snapshot(BILLING), snapshot(), CONTINUING, false))
                .extracting(GroupOffsetChange::kind, GroupOffsetChange::topic)
                .containsExactly(tuple(GroupOffsetChange.Kind.DELETED, "orders"), tuple(GroupOffsetChange.Kind.DELETED, "refunds"));
    }

    @Test
    void aGroupMissingFromASnapshotThatLeftOutGroupsIsNotJudged() {
        assertThat(GroupOffsetChange.between(snapshot(BILLING), snapshot(), CONTINUING, true)).isEmpty();
    }

    @Test
    void anOffsetMovedBackwardsIsAResetNamingFromAndTo() {
        List<GroupOffsetChange> changes = GroupOffsetChange.between(snapshot(BILLING), snapshot(group("billing",
                offset("orders", 0, 0), offset("orders", 1, 1000), offset("orders", 2, 500), offset("refunds", 0, 40))),
                CONTINUING, false);

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(GroupOffsetChange.Kind.RESET);
            assertThat(change.partitions()).containsExactly(new GroupOffsetChange.Moved(0, 1204, 0),
                    new GroupOffsetChange.Moved(2, 1311, 500));
            assertThat(change.sentence(SEEN, PREVIOUS)).isEqualTo("group billing: committed offsets of orders reset backwards"
                    + " (partition 0 from 1,204 to 0, partition 2 from 1,311 to 500) at 2026-12-03T09:14:05Z — its consumers"
                    + " will read those records again. The snapshot of 2026-12-03T09:09:05Z holds the former offsets.");
        });
    }

    @Test
    void newGroupsNewPartitionsOffsetsMovingOnAndTopicsThatDidNotContinueAreNothing() {
        GroupOffsetsSnapshot later = snapshot(group("billing", offset("orders", 0, 1300), offset("orders", 1, 998),
                offset("orders", 2, 1311), offset("orders", 3, 7), offset("refunds", 0, 40)), group("audit", offset("orders", 0, 1)));
        assertThat(GroupOffsetChange.between(snapshot(BILLING), later, CONTINUING, false)).isEmpty();

        assertThat(GroupOffsetChange.between(snapshot(BILLING), snapshot(), Set.of(), false))
                .as("deleted or recreated topics take their offsets with them").isEmpty();
    }

    @Test
    void partitionsAreWrittenAsRanges() {
        assertThat(PartitionRanges.of(List.of(4))).isEqualTo("partition 4");
        assertThat(PartitionRanges.of(List.of(0, 1))).isEqualTo("partitions 0, 1");
        assertThat(PartitionRanges.of(List.of(0, 1, 2, 5, 7, 8, 9))).isEqualTo("partitions 0–2, 5, 7–9");
    }

    private static GroupOffsets group(String id, CommittedOffset... offsets) {
        return new GroupOffsets(id, "Empty", List.of(offsets));
    }

    private static CommittedOffset offset(String topic, int partition, long offset) {
        return new CommittedOffset(topic, partition, offset, null, "");
    }

    private static GroupOffsetsSnapshot snapshot(GroupOffsets... groups) {
        return new GroupOffsetsSnapshot(List.of(groups));
    }
}
