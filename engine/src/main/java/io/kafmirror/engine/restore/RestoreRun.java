package io.kafmirror.engine.restore;

import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.KfsRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the records of a {@link RestorePlan} into the target topic: each into its source partition
 * number with its key, value, headers and timestamp, in offset order, through an idempotent producer
 * with {@code acks=all}. Records already in the target from an interrupted earlier run (the target's end
 * offset minus the restore's start offset) are skipped, so running it again resumes without duplicates.
 */
public final class RestoreRun {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreRun.class);
    /** The largest record a run sends: the producer's buffer, which cannot hold a larger one anyway. */
    private static final int MAX_RECORD_BYTES = 32 << 20;

    private final SegmentArchive archive;
    private final RestorePlan plan;
    private final Properties client;
    private final RestoreTarget target;
    private final long maxBytesPerSecond;
    private final Clock clock;
    private volatile boolean cancelled;
    private volatile RestoreProgress progress;

    /**
     * A run of {@code plan} into {@code target} on the cluster of {@code client} (kafka-clients properties with its
     * bootstrap servers and security), at most {@code maxBytesPerSecond} of record data (0: no limit).
     */
    public RestoreRun(SegmentArchive archive, RestorePlan plan, Properties client, RestoreTarget target,
                      long maxBytesPerSecond, Clock clock) {
        for (PartitionCut cut : plan.cuts()) {
            if (!target.startOffsets().containsKey(cut.partition())) {
                throw new IllegalArgumentException("No start offset for target partition " + cut.partition() + " of "
                        + target.topic());
            }
        }
        this.archive = archive;
        this.plan = plan;
        this.client = client;
        this.target = target;
        this.maxBytesPerSecond = maxBytesPerSecond;
        this.clock = clock;
    }

    /** Stops the run after the records already sent are acknowledged; {@link #run} then returns an incomplete outcome. */
    public void cancel() {
        cancelled = true;
    }

    /** The progress of the run, once it started. */
    public RestoreProgress progress() {
        return progress;
    }

    /** Restores what is not yet in the target and returns when everything is, or the run was cancelled. */
    public RestoreOutcome run() throws InterruptedException {
        Instant started = clock.instant();
        Map<Integer, Long> written = alreadyWritten(endOffsets());
        progress = new RestoreProgress(plan.records(), written.values().stream().mapToLong(Long::longValue).sum(), started);
        AtomicReference<Exception> failure = new AtomicReference<>();
        Throttle throttle = new Throttle(maxBytesPerSecond);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(client), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            Map<Integer, Partition> partitions = new HashMap<>();
            for (PartitionCut cut : plan.cuts()) {
                partitions.put(cut.partition(), new Partition(cut, written.get(cut.partition())));
            }
            try (TurnReader reader = new TurnReader(archive, plan)) {
                while (!cancelled && failure.get() == null) {
                    Optional<TurnReader.Turn> turn = reader.next();
                    if (turn.isEmpty()) {
                        break;
                    }
                    partitions.get(turn.get().partition()).send(turn.get().records(), producer, throttle, failure);
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new RestoreFailedException("Restoring into " + target.topic() + " failed: " + failure.get().getMessage()
                    + ". What was written stays; " + whatToDo(failure.get()), failure.get());
        }
        Map<Integer, Long> ends = endOffsets();
        long inTarget = alreadyWritten(ends).values().stream().mapToLong(Long::longValue).sum();
        Duration took = Duration.between(started, clock.instant());
        LOG.info("Restore of {} into {}: {} of {} records in the target after {}", plan.request().topic(), target.topic(),
                inTarget, plan.records(), took);
        return new RestoreOutcome(inTarget == plan.records(), inTarget, progress.bytes(), took, ends);
    }

    // Running again only helps when the failure can pass; a record the target refuses by size never will.
    private String whatToDo(Exception failure) {
        if (failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException) {
            return "a record is larger than the target topic accepts: raise max.message.bytes of " + target.topic()
                    + " (and segment.bytes, if smaller) above the largest stored record, with kafka-configs or, for a topic"
                    + " the restore creates, --topic-config; then run the restore again to continue where it stopped.";
        }
        return "run the restore again to continue where it stopped.";
    }

    /** Per partition, the records of this restore already in the target, checked against the plan. */
    private Map<Integer, Long> alreadyWritten(Map<Integer, Long> ends) {
        Map<Integer, Long> written = new HashMap<>();
        for (PartitionCut cut : plan.cuts()) {
            long start = target.startOffsets().get(cut.partition());
            long n = ends.get(cut.partition()) - start;
            if (n < 0 || n > cut.records()) {
                throw new RestoreFailedException("Partition " + cut.partition() + " of " + target.topic() + " ends at offset "
                        + ends.get(cut.partition()) + ", but this restore wrote it from offset " + start + " and plans "
                        + cut.records() + " records: something else writes to or truncated the target. Restore into a"
                        + " topic nothing else uses.", null);
            }
            written.put(cut.partition(), n);
        }
        return written;
    }

    private Map<Integer, Long> endOffsets() {
        Properties p = new Properties();
        p.putAll(client);
        p.put("isolation.level", "read_uncommitted");
        List<TopicPartition> partitions = plan.cuts().stream().map(c -> new TopicPartition(target.topic(), c.partition())).toList();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<Integer, Long> ends = new HashMap<>();
            consumer.endOffsets(partitions, Duration.ofSeconds(60)).forEach((tp, end) -> ends.put(tp.partition(), end));
            return ends;
        }
    }

    /**
     * The producer settings a run writes with, over {@code client}'s connection and security: public so that a benchmark
     * can race a plain producer with the very same settings.
     */
    public static Properties producerProperties(Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // The target topic's max.message.bytes decides which records it takes: the producer's 1 MiB default would refuse
        // records the source took before they reach it.
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(MAX_RECORD_BYTES));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(MAX_RECORD_BYTES));
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "kaf-mirror-restore");
        return p;
    }

    /** One partition's records still to send, skipping those already in the target. */
    private final class Partition {

        private final PartitionCut cut;
        private long skip;

        Partition(PartitionCut cut, long alreadyWritten) {
            this.cut = cut;
            this.skip = alreadyWritten;
        }

        /** Sends {@code records}, the partition's next ones in offset order, but those already in the target. */
        void send(List<KfsRecord> records, KafkaProducer<byte[], byte[]> producer, Throttle throttle,
                  AtomicReference<Exception> failure) throws InterruptedException {
            for (KfsRecord r : records) {
                if (skip > 0) {
                    skip--;
                    continue;
                }
                long size = RestoreProgress.size(r);
                throttle.acquire(size);
                producer.send(new ProducerRecord<>(target.topic(), cut.partition(), r.timestamp() < 0 ? null : r.timestamp(),
                        r.key(), r.value(), new RecordHeaders(r.headers())), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        progress.acknowledged(size);
                    }
                });
            }
        }
    }
}
