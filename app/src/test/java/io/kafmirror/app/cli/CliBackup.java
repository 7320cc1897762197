package io.kafmirror.app.cli;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.TestBackup;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** A backup as {@link CliConfig}'s store {@code local} holds it, for CLI tests that read a store a real backup filled. */
final class CliBackup {

    private CliBackup() {
    }

    /**
     * Backs {@code topic} of {@code broker} up, as cluster {@code prod}, into {@code dir/store} with its catalog in
     * {@code dir/data/catalogs/local} until it holds {@code records}; returns the data folder {@code dir/data}.
     */
    static Path of(Path dir, KafkaTestBroker broker, String topic, long records) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("catalogs"));
        try (SegmentCatalog catalog = SegmentCatalog.open(data.resolve("catalogs/local"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"));
             TestBackup backup = TestBackup.of(broker.bootstrap(), "prod", topic, new SegmentArchive(store, catalog))) {
            backup.awaitStored(topic, records);
        }
        return data;
    }
}
