package io.kafmirror.ui.restore;

/**
 * A topic a store holds a backup of.
 *
 * @param cluster the backed-up cluster, as the catalog names it
 * @param topic   the source topic
 */
public record BackedUpTopic(String cluster, String topic) {

    /** What the topic picker shows: the topic, then its cluster. */
    @Override
    public String toString() {
        return topic + "  (" + cluster + ")";
    }
}
