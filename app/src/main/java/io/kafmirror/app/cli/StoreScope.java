package io.kafmirror.app.cli;

import io.kafmirror.kfs.store.SegmentKey;
import picocli.CommandLine.Option;

/** Which part of the store a whole-store command covers: everything, a cluster, or a topic. */
public final class StoreScope {

    @Option(names = "--cluster", paramLabel = "NAME", description = "Only this source cluster.")
    String cluster;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Only this topic (needs --cluster).")
    String topic;

    /** The key prefix covering the scope. */
    public String prefix() {
        if (topic != null && cluster == null) {
            throw new IllegalArgumentException("--topic needs --cluster: the same topic name can exist on several source clusters");
        }
        if (cluster == null) {
            return SegmentKey.ROOT;
        }
        return topic == null ? SegmentKey.clusterPrefix(cluster) : SegmentKey.topicPrefix(cluster, topic);
    }
}
