package io.kafmirror.engine.cluster;

import java.util.List;

/**
 * What a cluster showed when probed.
 *
 * @param clusterId    the cluster's id
 * @param brokers      its brokers as host:port, sorted
 * @param controllerId the active controller's node id, -1 when not reported
 * @param topics       its topic names, internal ones left out, sorted
 */
public record ClusterReport(String clusterId, List<String> brokers, int controllerId, List<String> topics) {
}
