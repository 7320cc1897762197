package io.kafmirror.engine.restore;

import java.util.Map;
import java.util.OptionalInt;

/**
 * What the operator decides about the target topic of a restore.
 *
 * @param configs           configs of a created topic, over the stored ones; an empty value leaves that config to
 *                          the target cluster's default. An existing topic is never altered.
 * @param replicationFactor the replication factor of a created topic; empty for the source's, capped at the
 *                          target's broker count
 * @param append            whether to restore after the records an existing topic already holds
 */
public record TargetOptions(Map<String, String> configs, OptionalInt replicationFactor, boolean append) {

    /** Copies the configs. */
    public TargetOptions {
        configs = Map.copyOf(configs);
    }

    /** The source's configs and replication factor, into a new or empty topic. */
    public static TargetOptions asStored() {
        return new TargetOptions(Map.of(), OptionalInt.empty(), false);
    }
}
