package io.kafmirror.engine.restore;

import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.KfsRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a restored topic back and compares it with the backup: per partition, the target records from the restore's
 * start offset to the target's end offset against the records of the plan's cut, in order, the i-th at the start
 * offset plus i with an equal {@link RecordChecksum}. Timestamps are compared where the target kept them: not on a
 * LogAppendTime topic, which stamps its own, and not for stored records that had none. Both sides are streamed, so
 * memory does not grow with the topic.
 */
public final class RestoreVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreVerifier.class);
    /** How long reading back may make no progress before the target is reported as not answering. */
    private static final Duration STALL = Duration.ofSeconds(60);

    private final SegmentArchive archive;
    private final RestorePlan plan;
    private final Properties client;
    private final RestoreTarget target;
    private final Clock clock;

    /** A verifier of {@code plan} restored into {@code target} on the cluster of {@code client} (kafka-clients properties). */
    public RestoreVerifier(SegmentArchive archive, RestorePlan plan, Properties client, RestoreTarget target, Clock clock) {
        this.archive = archive;
        this.plan = plan;
        this.client = client;
        this.target = target;
        this.clock = clock;
    }

    /** Reads every restored partition back to its current end and says whether it equals the backup. */
    public RestoreVerification verify() {
        Instant started = clock.instant();
        Map<TopicPartition, PartitionCheck> checks = new HashMap<>();
        List<PartitionCheck> ordered = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = plan.cuts().stream().map(c -> new TopicPartition(target.topic(), c.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, STALL);
            Map<TopicPartition, Long> logStarts = consumer.beginningOffsets(partitions, STALL);
            consumer.assign(partitions);
            for (PartitionCut cut : plan.cuts()) {
                TopicPartition tp = new TopicPartition(target.topic(), cut.partition());
                PartitionCheck check = new PartitionCheck(cut, target.startOffsets().get(cut.partition()), logStarts.get(tp),
                        ends.get(tp));
                consumer.seek(tp, check.readFrom());
                checks.put(tp, check);
                ordered.add(check);
            }
            readBack(consumer, checks);
        }
        List<RestoreVerification.Partition> partitions = new ArrayList<>();
        RestoreVerification.Mismatch first = null;
        for (PartitionCheck check : ordered) {
            partitions.add(check.result());
            first = first == null ? check.finish() : first;
        }
        RestoreVerification verification = new RestoreVerification(partitions, first, Duration.between(started, clock.instant()));
        LOG.info("Verification of {} against the backup of {}: {}", target.topic(), plan.request().topic(),
                verification.passed() ? "passed" : "failed, " + first);
        return verification;
    }

    private void readBack(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, PartitionCheck> checks) {
        long lastProgress = System.nanoTime();
        while (checks.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue().end)) {
            if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                throw new IllegalStateException("Reading " + target.topic() + " back made no progress for " + STALL.toSeconds()
                        + " s; check that the target cluster is reachable, then verify again.");
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                checks.get(new TopicPartition(r.topic(), r.partition())).accept(new KfsRecord(r.offset(), r.timestamp(),
                        r.timestampType(), r.key(), r.value(), r.headers().toArray()));
                lastProgress = System.nanoTime();
            }
        }
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.putAll(client);
        // Everything in the log counts, also what another writer left in an open or aborted transaction.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "kaf-mirror-verify");
        return p;
    }

    /** One target partition compared, record by record as it is read, with the cut restored into it. */
    private final class PartitionCheck {

        private final PartitionCut cut;
        private final long start;
        private final long end;
        private final CutRecords stored;
        /** The index in the cut of the next stored record to compare. */
        private long next;
        private long found;
        private long differing;
        private RestoreVerification.Mismatch first;

        PartitionCheck(PartitionCut cut, long start, long logStart, long end) {
            this.cut = cut;
            this.start = start;
            this.end = end;
            this.stored = new CutRecords(archive, cut, plan.request());
            long lost = Math.min(cut.records(), Math.max(0, logStart - start));
            if (lost > 0) {
                first = new RestoreVerification.Mismatch(cut.partition(), start, "the target no longer holds offsets " + start
                        + " to " + (start + lost - 1) + " (its log starts at " + logStart + "): its retention or a deletion"
                        + " removed restored records. Restored records keep their old timestamps, so a target topic's"
                        + " retention.ms must reach back to them; restore into a topic with retention.ms=-1 and verify again.");
                for (; next < lost; next++) {
                    stored.next();
                }
            }
        }

        long readFrom() {
            return start + next;
        }

        void accept(KfsRecord record) {
            if (record.offset() >= end) {
                return;
            }
            found++;
            if (next == cut.records()) {
                mismatch(record.offset(), "the target holds a record the restore did not write: it wrote " + cut.records()
                        + " records from offset " + start + ", the partition ends at offset " + end + ". Something else"
                        + " writes to the restored topic.");
                return;
            }
            KfsRecord expected = stored.next();
            long at = start + next++;
            boolean timestamps = expected.timestamp() != KfsRecord.NO_TIMESTAMP
                    && record.timestampType() == TimestampType.CREATE_TIME;
            if (record.offset() != at || RecordChecksum.of(expected, timestamps) != RecordChecksum.of(record, timestamps)) {
                differing++;
                mismatch(record.offset(), difference(expected, record, at, timestamps));
            }
        }

        private void mismatch(long offset, String difference) {
            if (first == null) {
                first = new RestoreVerification.Mismatch(cut.partition(), offset, difference);
            }
        }

        RestoreVerification.Partition result() {
            return new RestoreVerification.Partition(cut.partition(), cut.records(), found, differing);
        }

        /** The partition's first mismatch, once everything up to its end was read. */
        RestoreVerification.Mismatch finish() {
            if (next < cut.records()) {
                mismatch(start + next, "the target lacks " + (cut.records() - next) + " of the " + cut.records()
                        + " restored records: the partition ends at offset " + end + ". Run the restore again to complete it.");
            }
            return first;
        }
    }

    /** What differs between the record restored from {@code expected} and the {@code found} one, in words. */
    private static String difference(KfsRecord expected, KfsRecord found, long at, boolean timestamps) {
        if (found.offset() != at) {
            return "the record restored from source offset " + expected.offset() + " belongs at target offset " + at
                    + ", but the target's next record is at " + found.offset() + ": records are missing from the target"
                    + " (deleted, or compacted away by its cleanup.policy).";
        }
        List<String> fields = new ArrayList<>();
        if (!Arrays.equals(expected.key(), found.key())) {
            fields.add("key");
        }
        if (!Arrays.equals(expected.value(), found.value())) {
            fields.add("value");
        }
        if (!Arrays.equals(expected.headers(), found.headers())) {
            fields.add("headers");
        }
        if (timestamps && expected.timestamp() != found.timestamp()) {
            fields.add("timestamp (" + expected.timestamp() + " in the backup, " + found.timestamp() + " in the target)");
        }
        return "the record at this offset differs from the one restored from source offset " + expected.offset() + " in its "
                + String.join(", ", fields) + ".";
    }
}
