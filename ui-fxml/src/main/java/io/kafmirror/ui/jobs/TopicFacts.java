package io.kafmirror.ui.jobs;

/**
 * A topic of a source cluster as the preview shows it.
 *
 * @param name       the topic
 * @param partitions how many partitions it has
 * @param bytes      its size on disk, one replica per partition; {@code null} when the cluster did not tell
 * @param internal   whether Kafka marks it as its own, or its name starts with {@code __}: never mirrored
 */
public record TopicFacts(String name, int partitions, Long bytes, boolean internal) {
}
