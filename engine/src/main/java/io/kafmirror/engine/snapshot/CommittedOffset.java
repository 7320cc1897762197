package io.kafmirror.engine.snapshot;

import java.util.Objects;

/**
 * A consumer group's committed position in one partition.
 *
 * @param topic       the topic
 * @param partition   the partition number
 * @param offset      the committed offset: the next record the group will read
 * @param leaderEpoch the leader epoch committed with it, or {@code null} if the consumer sent none
 * @param metadata    the metadata string committed with it; empty if none
 */
public record CommittedOffset(String topic, int partition, long offset, Integer leaderEpoch, String metadata) {

    public CommittedOffset {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(metadata, "metadata");
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset of " + topic + " must not be negative, were "
                    + partition + " and " + offset);
        }
    }
}
