package io.kafmirror.engine.testkit;

import io.kafmirror.engine.mirror.MirrorJob;
import io.kafmirror.engine.mirror.MirrorListener;
import io.kafmirror.engine.mirror.MirrorSettings;
import io.kafmirror.kfs.catalog.SegmentArchive;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

/** A backup job running in the test JVM, for tests that need a backup to restore from. */
public final class TestBackup implements AutoCloseable {

    private final MirrorJob job;
    private final SegmentArchive archive;
    private final String cluster;

    private TestBackup(MirrorJob job, SegmentArchive archive, String cluster) {
        this.job = job;
        this.archive = archive;
        this.cluster = cluster;
    }

    /** Starts mirroring {@code topic} of the broker at {@code bootstrap}, as cluster {@code cluster}, into {@code archive}. */
    public static TestBackup of(String bootstrap, String cluster, String topic, SegmentArchive archive) {
        Properties client = new Properties();
        client.put("bootstrap.servers", bootstrap);
        MirrorSettings settings = MirrorSettings.defaults("test-backup", cluster, topic::equals)
                .withFlush(256 * 1024, Duration.ofMillis(200));
        MirrorJob job = new MirrorJob(settings, client, archive, MirrorListener.NONE, Clock.systemUTC());
        job.start();
        return new TestBackup(job, archive, cluster);
    }

    /** Waits until the backup holds {@code count} records of {@code topic}. */
    public TestBackup awaitStored(String topic, long count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (StoredRecords.count(archive, cluster, topic) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The backup holds " + StoredRecords.count(archive, cluster, topic) + " records of "
                        + topic + ", not " + count + ", after 90 s; status " + job.status());
            }
            sleep();
        }
        return this;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        job.stop(Duration.ofSeconds(30));
    }
}
