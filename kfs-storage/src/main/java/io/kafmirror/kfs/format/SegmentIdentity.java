package io.kafmirror.kfs.format;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Whose records a segment holds and who wrote it. Names are restricted to characters that are
 * safe in object keys and file names on every platform, the same set Kafka allows in topic names.
 *
 * @param sourceCluster  the configured name of the source cluster
 * @param topic          the source topic
 * @param topicId        the source topic's id (a recreated topic gets a new one), or {@link #UNKNOWN_TOPIC_ID}
 * @param writerId       a name unique to the writing process, so two writers never build the same key
 * @param writerSequence the writer's segment counter, increasing with every segment it seals
 */
public record SegmentIdentity(String sourceCluster, String topic, UUID topicId, String writerId, long writerSequence) {

    /** The topic id recorded when the source did not report one. */
    public static final UUID UNKNOWN_TOPIC_ID = new UUID(0, 0);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public SegmentIdentity {
        requireName("source cluster", sourceCluster, 64);
        requireName("topic", topic, 249);
        requireName("writer id", writerId, 64);
        Objects.requireNonNull(topicId, "topicId");
        if (writerSequence < 0) {
            throw new IllegalArgumentException("Writer sequence must not be negative, was " + writerSequence);
        }
    }

    /** This identity with the next writer sequence. */
    public SegmentIdentity withSequence(long sequence) {
        return new SegmentIdentity(sourceCluster, topic, topicId, writerId, sequence);
    }

    private static void requireName(String what, String name, int maxLength) {
        if (name == null || name.length() > maxLength || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("Invalid " + what + " name '" + name + "': use 1 to " + maxLength
                    + " letters, digits, '.', '_' or '-' (not '.' or '..' alone)");
        }
    }
}
