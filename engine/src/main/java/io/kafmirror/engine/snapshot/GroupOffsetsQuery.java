package io.kafmirror.engine.snapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/** Asks the source cluster where its consumer groups stand on the mirrored topics. */
final class GroupOffsetsQuery {

    private final Admin admin;
    private final Predicate<String> mirrored;

    GroupOffsetsQuery(Admin admin, Predicate<String> mirrored) {
        this.admin = admin;
        this.mirrored = mirrored;
    }

    /**
     * Every consumer group (classic and new protocol, any state) with a committed offset on a mirrored topic, with
     * those offsets only. A group deleted meanwhile is left out; so is one the source will not describe to us, which
     * {@code leftOut} hears about with the permission that is missing.
     */
    GroupOffsetsSnapshot fetch(AdminAnswers answers, Consumer<String> leftOut) {
        Collection<GroupListing> listed = answers.await(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all(),
                "listing the consumer groups");
        if (listed.isEmpty()) {
            return new GroupOffsetsSnapshot(List.of());
        }
        // One question for all groups: the client sends one request per group coordinator, not one per group.
        ListConsumerGroupOffsetsResult offsets = admin.listConsumerGroupOffsets(listed.stream()
                .collect(Collectors.toMap(GroupListing::groupId, listing -> new ListConsumerGroupOffsetsSpec())));
        List<GroupOffsets> groups = new ArrayList<>();
        for (GroupListing listing : listed.stream().sorted(Comparator.comparing(GroupListing::groupId)).toList()) {
            String id = listing.groupId();
            answers.awaitItem(offsets.partitionsToOffsetAndMetadata(id), "fetching the committed offsets of group " + id,
                            () -> leftOut.accept(deniedMessage(id)))
                    .map(this::onMirroredTopics)
                    .filter(kept -> !kept.isEmpty())
                    .ifPresent(kept -> groups.add(new GroupOffsets(id,
                            listing.groupState().orElse(GroupState.UNKNOWN).toString(), kept)));
        }
        return new GroupOffsetsSnapshot(groups);
    }

    private List<CommittedOffset> onMirroredTopics(Map<TopicPartition, OffsetAndMetadata> committed) {
        List<CommittedOffset> kept = new ArrayList<>();
        committed.forEach((tp, offset) -> {
            // A partition the group has no committed offset for comes back without one.
            if (offset != null && mirrored.test(tp.topic())) {
                kept.add(new CommittedOffset(tp.topic(), tp.partition(), offset.offset(),
                        offset.leaderEpoch().orElse(null), offset.metadata() == null ? "" : offset.metadata()));
            }
        });
        return kept;
    }

    private static String deniedMessage(String group) {
        return "Consumer group " + group + " is left out of the group-offsets snapshot: the source cluster does not allow"
                + " the backup user Describe on it. Grant Describe on the consumer groups (a prefixed or wildcard group"
                + " ACL), or a restore cannot move " + group + " to where it was.";
    }
}
