package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job keeps mirroring across failures and stops cleanly when asked, whatever it is doing. */
class MirrorJobTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();
    private final RecordingListener reported = new RecordingListener();

    @Test
    void aRunningJobStoresWhatItReadWhenStopped() throws Exception {
        String topic = "job.stop";
        broker.createTopic(topic, 1, Map.of());
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"));
             SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            SegmentArchive archive = new SegmentArchive(store, catalog);
            // A linger far beyond the test: only the stop seals and stores these records.
            MirrorSettings settings = MirrorSettings.defaults("stop", "prod", t -> t.equals(topic))
                    .withFlush(16L << 20, Duration.ofHours(1));
            MirrorJob job = new MirrorJob(settings, client(broker.bootstrap()), archive, reported, Clock.systemUTC());
            job.start();
            for (int i = 0; i < 25; i++) {
                producer.send(topic, 0, "k" + i, "v" + i);
            }
            producer.confirm();
            awaitRead(job, topic);

            assertThat(job.stop(Duration.ofSeconds(30))).isTrue();

            assertThat(job.status().state()).isEqualTo(JobStatus.State.STOPPED);
            assertThat(StoredRecords.count(archive, "prod", topic)).isEqualTo(25);
        }
    }

    @Test
    void aFailingJobReportsWhyRetriesAndStillStopsAtOnce() throws Exception {
        Properties client = client(broker.scramBootstrap());
        client.put("security.protocol", "SASL_PLAINTEXT");
        client.put("sasl.mechanism", "SCRAM-SHA-512");
        client.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"mirror\" password=\"wrong\";");
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"))) {
            MirrorJob job = new MirrorJob(MirrorSettings.defaults("failing", "prod", t -> true), client,
                    new SegmentArchive(store, catalog), reported, Clock.systemUTC());
            job.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (reported.eventTypes().stream().filter(t -> t == MirrorEvent.Type.MIRROR_FAILED).count() < 2) {
                assertThat(System.nanoTime()).as("time waiting for a second failure").isLessThan(deadline);
                Thread.sleep(50);
            }
            JobStatus status = job.status();
            assertThat(status.state()).isEqualTo(JobStatus.State.FAILING);
            assertThat(status.lastError()).contains("rejected our credentials");
            assertThat(status.retryAt()).isAfter(status.since());
            assertThat(reported.events).filteredOn(e -> e.type() == MirrorEvent.Type.MIRROR_FAILED).first()
                    .extracting(MirrorEvent::message).asString().contains("restarts in 1 s");

            long stopping = System.nanoTime();
            assertThat(job.stop(Duration.ofSeconds(10))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(5));
            assertThat(job.status().state()).isEqualTo(JobStatus.State.STOPPED);
        }
    }

    private static void awaitRead(MirrorJob job, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (job.status().state() != JobStatus.State.RUNNING || heldNothing(job)) {
            assertThat(System.nanoTime()).as("time waiting for the job to read " + topic).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static boolean heldNothing(MirrorJob job) {
        return job.heldBytes() == 0;
    }

    private static Properties client(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        return p;
    }
}
