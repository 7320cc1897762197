package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.testkit.LocalArchive;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.KfsRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A job of a YAML configuration, reading its source with the cluster's security settings, run into a
 * {@link LocalArchive} in a test folder: what the tests of those settings need.
 */
final class ConfiguredJobRun {

    private ConfiguredJobRun() {
    }

    /** Mirrors {@code job} until {@code count} records of {@code topic} are stored, stops it, and returns its backup of {@code topic}. */
    static Map<Integer, List<KfsRecord>> backupOf(MirrorConfig config, String job, Path dir, String topic, long count) {
        try (LocalArchive local = LocalArchive.in(dir)) {
            try (RunningMirror mirror = start(config, job, local.archive())) {
                mirror.awaitStored(topic, count);
            }
            return StoredRecords.of(local.archive(), config.job(job).source(), topic);
        }
    }

    /** Runs {@code job} until it fails by itself, checks that it stored nothing, and returns it with what it reported. */
    static RunningMirror failureOf(MirrorConfig config, String job, Path dir) {
        try (LocalArchive local = LocalArchive.in(dir)) {
            RunningMirror mirror = start(config, job, local.archive());
            mirror.awaitFailure();
            assertThat(local.archive().store().list("").count()).as("objects in the store").isZero();
            return mirror;
        }
    }

    private static RunningMirror start(MirrorConfig config, String job, SegmentArchive archive) {
        JobConfig jobConfig = config.job(job);
        return new RunningMirror(MirrorSettings.of(job, jobConfig), config.cluster(jobConfig.source()).clientProperties(),
                archive);
    }
}
