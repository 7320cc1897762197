package io.kafmirror.engine.mirror;

import static io.kafmirror.engine.testkit.SourceProducer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.Compaction;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offsets that do not follow each other on the source (compaction, transactions) are stored as they are. */
class OffsetGapsTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void aCompactedTopicIsStoredWithItsOffsetGaps() throws InterruptedException {
        String topic = "customers.compacted";
        List<KfsRecord> compacted = Compaction.customerVersions(broker, topic);

        List<KfsRecord> stored = mirror(topic, true).get(0);

        assertThat(stored).containsExactlyElementsOf(compacted);
        assertThat(stored).extracting(KfsRecord::offset).doesNotHaveDuplicates().isSorted();
        assertThat(stored.get(stored.size() - 1).offset() - stored.get(0).offset() + 1)
                .as("offset span of the stored records").isGreaterThan(stored.size());
    }

    @Test
    void recordsOfAbortedTransactionsAreNotStoredAndCommittedOnesKeepTheirOffsets() {
        String topic = "ledger.transactional";
        broker.createTopic(topic, 2, Map.of());
        try (SourceProducer producer = SourceProducer.transactional(broker.bootstrap(), "ledger-writer")) {
            for (int tx = 0; tx < 10; tx++) {
                producer.kafka().beginTransaction();
                for (int i = 0; i < 5; i++) {
                    String outcome = tx % 3 == 1 ? "aborted" : "committed";
                    producer.send(new ProducerRecord<>(topic, i % 2, utf8("tx" + tx), utf8(outcome + " " + tx + "/" + i)));
                }
                if (tx % 3 == 1) {
                    producer.kafka().abortTransaction();
                } else {
                    producer.kafka().commitTransaction();
                }
            }
        }
        Map<Integer, List<KfsRecord>> committed = SourceRecords.of(broker.bootstrap(), topic);

        Map<Integer, List<KfsRecord>> stored = mirror(topic, true);

        assertThat(stored).isEqualTo(committed);
        assertThat(stored.values().stream().flatMap(List::stream).map(r -> new String(r.value())))
                .hasSize(35).noneMatch(v -> v.startsWith("aborted"));
    }

    private Map<Integer, List<KfsRecord>> mirror(String topic, boolean readCommitted) {
        long expected = SourceRecords.of(broker.bootstrap(), topic).values().stream().mapToLong(List::size).sum();
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"))) {
            SegmentArchive archive = new SegmentArchive(store, catalog);
            MirrorSettings settings = MirrorSettings.defaults("gaps", "prod", t -> t.equals(topic))
                    .withFlush(64 * 1024, Duration.ofMillis(200)).withReadCommitted(readCommitted);
            try (RunningMirror mirror = new RunningMirror(settings, broker.bootstrap(), archive)) {
                mirror.awaitStored(topic, expected);
            }
            return StoredRecords.of(archive, "prod", topic);
        }
    }
}
