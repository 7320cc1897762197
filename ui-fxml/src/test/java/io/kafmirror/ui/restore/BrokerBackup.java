package io.kafmirror.ui.restore;

import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.run.OpenStores;
import io.kafmirror.engine.snapshot.CommittedOffset;
import io.kafmirror.engine.snapshot.GroupOffsets;
import io.kafmirror.engine.snapshot.GroupOffsetsSnapshot;
import io.kafmirror.engine.snapshot.SnapshotWriter;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.TestBackup;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.store.ObjectRetention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A topic on the shared test broker backed up by a real backup job into the local store {@code local} of a configuration
 * file whose only cluster, {@code test}, is that broker: the source, the store and the target of a console restore.
 * {@value #RECORDS} records over three partitions, ten milliseconds apart from {@link #start}, in each of two topics.
 */
final class BrokerBackup {

    static final int RECORDS = 300;

    final Path configFile;
    final Path dataDir;
    final String topic;
    /** A second topic with the same records, backed up by the same job: restored with the first when asked. */
    final String otherTopic;
    /** The first record's timestamp: recent, since the test broker's 7-day retention applies to record timestamps too. */
    final Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    private final KafkaTestBroker broker = KafkaTestBroker.shared();
    /** The records of the topic's first generation, by partition, once {@link #writeRecreated} deleted it. */
    Map<Integer, List<KfsRecord>> olderGeneration;

    private BrokerBackup(Path dir) {
        this.configFile = dir.resolve("config.yml");
        this.dataDir = dir.resolve("data");
        // The broker is shared by every test class: a name of its own.
        this.topic = "console-restore-" + UUID.randomUUID().toString().substring(0, 8);
        this.otherTopic = topic + "-b";
        try {
            Files.createDirectories(dataDir);
            Files.writeString(configFile, "clusters:\n  test: { brokers: \"" + broker.bootstrap() + "\" }\n"
                    + "stores:\n  local: { type: local, path: \"" + dir.resolve("store") + "\" }\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Produces the topic and backs it up in {@code dir}, returning once the store holds every record. */
    static BrokerBackup write(Path dir) throws InterruptedException {
        BrokerBackup backup = new BrokerBackup(dir);
        List<String> topics = List.of(backup.topic, backup.otherTopic);
        try (SourceProducer producer = SourceProducer.to(backup.broker.bootstrap())) {
            for (String name : topics) {
                backup.broker.createTopic(name, 3, Map.of());
                backup.produce(producer, name, RECORDS, backup.start, "");
            }
        }
        try (OpenStores stores = new OpenStores(new ConfigLoader().load(backup.configFile), backup.dataDir);
             TestBackup job = TestBackup.of(backup.broker.bootstrap(), "test", topics::contains, SegmentCodec.ZSTD,
                     stores.archive("local"))) {
            for (String name : topics) {
                job.awaitStored(name, RECORDS);
            }
        }
        return backup;
    }

    /**
     * Produces {@link #RECORDS} records into the topic and backs them up, deletes the topic and creates it again, then
     * produces a third as many into that second generation from ten minutes after {@link #start}, the backup job running
     * throughout; returns once the store holds both generations.
     */
    static BrokerBackup writeRecreated(Path dir) throws Exception {
        BrokerBackup backup = new BrokerBackup(dir);
        String name = backup.topic;
        backup.broker.createTopic(name, 3, Map.of());
        try (SourceProducer producer = SourceProducer.to(backup.broker.bootstrap());
             OpenStores stores = new OpenStores(new ConfigLoader().load(backup.configFile), backup.dataDir);
             TestBackup job = TestBackup.of(backup.broker.bootstrap(), "test", name::equals, SegmentCodec.ZSTD,
                     stores.archive("local"))) {
            backup.produce(producer, name, RECORDS, backup.start, "\"generation\":1,");
            job.awaitStored(name, RECORDS);
            backup.olderGeneration = SourceRecords.of(backup.broker.bootstrap(), name);
            backup.delete(name);
            backup.recreate(name);
            // Fewer records than the first generation had: the job's positions fall beyond the new logs' ends.
            backup.produce(producer, name, RECORDS / 3, backup.start.plus(Duration.ofMinutes(10)), "\"generation\":2,");
            job.awaitStored(name, RECORDS + RECORDS / 3);
        }
        return backup;
    }

    /** Sends {@code count} records over three partitions, ten milliseconds apart from {@code from}, their JSON values opening with {@code fields}. */
    private void produce(SourceProducer producer, String name, int count, Instant from, String fields) {
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(name, i % 3, from.toEpochMilli() + i * 10L, ("key-" + i).getBytes(StandardCharsets.UTF_8),
                    ("{" + fields + "\"payment\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        producer.confirm();
    }

    /** Creates topic {@code name} again once the broker has finished deleting it. */
    private void recreate(String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                broker.createTopic(name, 3, Map.of());
                return;
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** The source's records, by partition, with a timestamp up to {@code point}: what a restore to it must write. */
    Map<Integer, List<KfsRecord>> sourceUpTo(Instant point) {
        return sourceUpTo(topic, point);
    }

    /** The records of source topic {@code name}, by partition, with a timestamp up to {@code point}. */
    Map<Integer, List<KfsRecord>> sourceUpTo(String name, Instant point) {
        Map<Integer, List<KfsRecord>> upTo = new TreeMap<>();
        SourceRecords.of(broker.bootstrap(), name).forEach((p, records) -> upTo.put(p, records.stream()
                .filter(r -> r.timestamp() <= point.toEpochMilli()).toList()));
        return upTo;
    }

    /**
     * Stores a group-offsets snapshot taken at {@code takenAt} in which {@code group} had committed {@code offsets} (by
     * partition) on the topic, as the backup job's snapshot round would have.
     */
    void snapshotGroup(String group, Map<Integer, Long> offsets, Instant takenAt) {
        List<CommittedOffset> committed = offsets.entrySet().stream()
                .map(e -> new CommittedOffset(topic, e.getKey(), e.getValue(), null, "")).toList();
        try (OpenStores stores = new OpenStores(new ConfigLoader().load(configFile), dataDir)) {
            new SnapshotWriter(stores.archive("local").store(), "test", "ui-test", at -> ObjectRetention.NONE)
                    .write(new GroupOffsetsSnapshot(List.of(new GroupOffsets(group, "Empty", committed))), takenAt);
        }
    }

    /** The offsets {@code group} has committed on the broker, by partition of {@code name}. */
    Map<Integer, Long> committed(String group, String name) throws Exception {
        try (Admin admin = broker.admin()) {
            Map<Integer, Long> offsets = new TreeMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().forEach((tp, o) -> {
                if (tp.topic().equals(name)) {
                    offsets.put(tp.partition(), o.offset());
                }
            });
            return offsets;
        }
    }

    /** The configs of topic {@code name} on the broker, defaults included. */
    Map<String, String> configs(String name) throws Exception {
        try (Admin admin = broker.admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
            Map<String, String> configs = new TreeMap<>();
            admin.describeConfigs(List.of(resource)).all().get().get(resource).entries()
                    .forEach(e -> configs.put(e.name(), e.value()));
            return configs;
        }
    }

    /** Whether the broker has the topic {@code name}; asked without a consumer, which would create it. */
    boolean exists(String name) throws Exception {
        try (Admin admin = broker.admin()) {
            return admin.listTopics().names().get().contains(name);
        }
    }

    /** Deletes topic {@code name} from the broker, returning once the broker no longer lists it. */
    void delete(String name) throws Exception {
        try (Admin admin = broker.admin()) {
            admin.deleteTopics(List.of(name)).all().get();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (exists(name)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Topic " + name + " is still listed 30 s after its deletion");
            }
            Thread.sleep(100);
        }
    }

    /** Every record of {@code name} on the broker, by partition. */
    Map<Integer, List<KfsRecord>> records(String name) {
        return SourceRecords.of(broker.bootstrap(), name);
    }
}
