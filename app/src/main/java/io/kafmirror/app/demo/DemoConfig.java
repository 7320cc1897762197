package io.kafmirror.app.demo;

import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.MirrorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's configuration file {@code <folder>/kaf-mirror.yml}: cluster {@value #CLUSTER} at the demo cluster, store
 * {@value #STORE} in {@code <folder>/store}, and job {@value #JOB} backing up the orders, payments and audit topics. Written
 * on every start, because the cluster's port may differ from the previous run's.
 */
final class DemoConfig {

    /** The demo cluster's name in the configuration (and in every segment key of the store). */
    static final String CLUSTER = "demo";
    /** The local store's name. */
    static final String STORE = "local";
    /** The backup job's name. */
    static final String JOB = "demo-backup";
    /** The configuration file's name in the demo folder. */
    static final String FILE = "kaf-mirror.yml";
    /** The store's folder name in the demo folder. */
    static final String STORE_FOLDER = "store";

    private DemoConfig() {
    }

    /** Writes the file for the cluster at {@code bootstrap} and loads it as {@code kaf-mirror run} would. */
    static MirrorConfig write(Path folder, String bootstrap) {
        Path file = folder.resolve(FILE);
        try {
            // Short flush linger and snapshot interval, so within a minute the console shows stored segments and
            // snapshots; a production job would keep the defaults (30 s, 5 min).
            Files.writeString(file, """
                    # Written by 'kaf-mirror demo' on every start; edits are overwritten.
                    clusters:
                      %s:
                        brokers: "%s"
                    stores:
                      %s:
                        type: local
                        path: %s
                    jobs:
                      %s:
                        source: %s
                        store: %s
                        topics: "orders.*,payments.*,audit"
                        flush: { max_bytes: 8MiB, max_linger: 5s }
                        snapshot_interval: 1m
                    """.formatted(CLUSTER, bootstrap, STORE, STORE_FOLDER, JOB, CLUSTER, STORE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo configuration " + file + ": " + e.getMessage(), e);
        }
        return new ConfigLoader().load(file);
    }
}
