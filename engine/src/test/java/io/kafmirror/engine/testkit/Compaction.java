package io.kafmirror.engine.testkit;

import io.kafmirror.kfs.format.KfsRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/** Waits out the log cleaner of a compacted test topic, so that a test knows which records it kept. */
public final class Compaction {

    private Compaction() {
    }

    /**
     * Creates {@code topic} (one partition, compacted quickly), writes 20 versions of 10 customers and 20 founders
     * written once, and returns its records once the cleaner removed old versions: a log with offset gaps.
     */
    public static List<KfsRecord> customerVersions(KafkaTestBroker broker, String topic) throws InterruptedException {
        broker.createTopic(topic, 1, Map.of("cleanup.policy", "compact", "segment.ms", "100",
                "min.cleanable.dirty.ratio", "0.01", "delete.retention.ms", "100"));
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int round = 0; round < 20; round++) {
                for (int key = 0; key < 10; key++) {
                    producer.send(topic, 0, "customer-" + key, "version " + round + " of customer " + key);
                }
                // Written once, so compaction keeps it between removed versions of the others.
                producer.send(topic, 0, "founder-" + round, "joined in round " + round);
                producer.confirm();
                // Rolls the log segment (segment.ms), as only closed segments are compacted.
                Thread.sleep(120);
            }
        }
        return awaitCleaned(broker, topic, 20 * 11 - 100).get(0);
    }

    /**
     * Waits until the cleaner left fewer than {@code below} records in {@code topic}, so its log has offset gaps, then
     * stops further cleaning and returns the log once it no longer changes: a clean running while the topic is backed
     * up would change the expectation.
     */
    public static Map<Integer, List<KfsRecord>> awaitCleaned(KafkaTestBroker broker, String topic, long below)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(SourceRecords.of(broker.bootstrap(), topic)) >= below) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The broker did not compact " + topic + " within 60 s");
            }
            Thread.sleep(200);
        }
        stopCleaning(broker, topic);
        Map<Integer, List<KfsRecord>> previous = Map.of();
        while (true) {
            Map<Integer, List<KfsRecord>> records = SourceRecords.of(broker.bootstrap(), topic);
            if (records.equals(previous)) {
                return records;
            }
            previous = records;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The broker did not compact " + topic + " within 60 s");
            }
            Thread.sleep(1_000);
        }
    }

    private static long count(Map<Integer, List<KfsRecord>> records) {
        return records.values().stream().mapToLong(List::size).sum();
    }

    private static void stopCleaning(KafkaTestBroker broker, String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        AlterConfigOp delete = new AlterConfigOp(new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SET);
        AlterConfigOp keep = new AlterConfigOp(new ConfigEntry("retention.ms", "-1"), AlterConfigOp.OpType.SET);
        try (Admin admin = broker.admin()) {
            admin.incrementalAlterConfigs(Map.of(resource, List.of(delete, keep))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("Cannot stop compaction of " + topic, e.getCause());
        }
    }
}
