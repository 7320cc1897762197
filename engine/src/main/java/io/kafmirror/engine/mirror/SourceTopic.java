package io.kafmirror.engine.mirror;

import java.util.UUID;

/**
 * A topic of the source cluster as the mirror sees it.
 *
 * @param name       the topic name
 * @param topicId    its topic ID: a new ID under the same name is a new topic (a new generation)
 * @param partitions its partition count
 */
record SourceTopic(String name, UUID topicId, int partitions) {
}
