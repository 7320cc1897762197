package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A job of a YAML configuration, reading its source with the cluster's security settings, run into a
 * catalog and a local folder store under a test folder: what the tests of those settings need.
 */
final class ConfiguredJobRun {

    private ConfiguredJobRun() {
    }

    /** Mirrors {@code job} until {@code count} records of {@code topic} are stored, stops it, and returns its backup of {@code topic}. */
    static Map<Integer, List<KfsRecord>> backupOf(MirrorConfig config, String job, Path dir, String topic, long count) {
        JobConfig jobConfig = config.job(job);
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"))) {
            SegmentArchive archive = new SegmentArchive(store, catalog);
            try (RunningMirror mirror = start(config, job, archive)) {
                mirror.awaitStored(topic, count);
            }
            return StoredRecords.of(archive, jobConfig.source(), topic);
        }
    }

    /** Runs {@code job} until it fails by itself, checks that it stored nothing, and returns it with what it reported. */
    static RunningMirror failureOf(MirrorConfig config, String job, Path dir) {
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"))) {
            RunningMirror mirror = start(config, job, new SegmentArchive(store, catalog));
            mirror.awaitFailure();
            assertThat(store.list("").count()).as("objects in the store").isZero();
            return mirror;
        }
    }

    private static RunningMirror start(MirrorConfig config, String job, SegmentArchive archive) {
        JobConfig jobConfig = config.job(job);
        return new RunningMirror(MirrorSettings.of(job, jobConfig), config.cluster(jobConfig.source()).clientProperties(),
                archive);
    }
}
