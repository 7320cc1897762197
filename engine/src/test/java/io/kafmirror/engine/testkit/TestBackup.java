package io.kafmirror.engine.testkit;

import io.kafmirror.engine.mirror.MirrorJob;
import io.kafmirror.engine.mirror.MirrorListener;
import io.kafmirror.engine.mirror.MirrorSettings;
import io.kafmirror.engine.snapshot.SnapshotOutcome;
import io.kafmirror.engine.snapshot.SnapshotTaker;
import io.kafmirror.engine.snapshot.SnapshotWriter;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.store.ObjectRetention;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;

/** A backup job running in the test JVM, for tests that need a backup to restore from. */
public final class TestBackup implements AutoCloseable {

    private final MirrorJob job;
    private final SegmentArchive archive;
    private final MirrorSettings settings;
    private final Properties client;

    private TestBackup(MirrorJob job, SegmentArchive archive, MirrorSettings settings, Properties client) {
        this.job = job;
        this.archive = archive;
        this.settings = settings;
        this.client = client;
    }

    /** Starts mirroring {@code topic} of the broker at {@code bootstrap}, as cluster {@code cluster}, into {@code archive}. */
    public static TestBackup of(String bootstrap, String cluster, String topic, SegmentArchive archive) {
        return of(bootstrap, cluster, topic::equals, SegmentCodec.ZSTD, archive);
    }

    /** Starts mirroring the {@code topics} of the broker at {@code bootstrap} into segments compressed with {@code codec}. */
    public static TestBackup of(String bootstrap, String cluster, Predicate<String> topics, SegmentCodec codec,
                                SegmentArchive archive) {
        Properties client = new Properties();
        client.put("bootstrap.servers", bootstrap);
        MirrorSettings settings = MirrorSettings.defaults("test-backup", cluster, topics)
                .withFlush(256 * 1024, Duration.ofMillis(200)).withCodec(codec);
        MirrorJob job = new MirrorJob(settings, client, archive, MirrorListener.NONE, Clock.systemUTC());
        job.start();
        return new TestBackup(job, archive, settings, client);
    }

    /** Stores a topics and a group-offsets snapshot of the mirrored topics, as taken at {@code clock}'s instant. */
    public TestBackup snapshot(Clock clock) {
        SnapshotWriter writer = new SnapshotWriter(archive.store(), settings.cluster(), settings.job(), at -> ObjectRetention.NONE);
        try (Admin admin = Admin.create(client)) {
            SnapshotOutcome outcome = new SnapshotTaker(admin, settings.topics(), writer, Duration.ofSeconds(30), clock).take();
            if (!outcome.complete()) {
                throw new AssertionError("The snapshot of " + settings.cluster() + " is incomplete: " + outcome.problems());
            }
        }
        return this;
    }

    /** Waits until the backup holds {@code count} records of {@code topic}. */
    public TestBackup awaitStored(String topic, long count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (StoredRecords.count(archive, settings.cluster(), topic) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The backup holds " + StoredRecords.count(archive, settings.cluster(), topic) + " records of "
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
