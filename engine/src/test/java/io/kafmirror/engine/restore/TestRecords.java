package io.kafmirror.engine.restore;

import static io.kafmirror.engine.testkit.SourceProducer.utf8;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.kfs.format.KfsRecord;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Records as applications write them, with everything a restore must keep apart: headers (repeated, and with null
 * values), null keys, tombstones and empty values.
 */
final class TestRecords {

    private TestRecords() {
    }

    /**
     * The {@code i}-th record of a sequence, into partition {@code i % partitions}: a {@code trace} header, every 5th a
     * repeated one and a header without value; no key every 13th, a null value (tombstone) every 17th, an empty one every
     * 19th.
     */
    static ProducerRecord<byte[], byte[]> varied(String topic, int partitions, int i, long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", utf8("t-" + i));
        if (i % 5 == 0) {
            headers.add("trace", utf8("retried"));
            headers.add("empty", null);
        }
        byte[] value = i % 17 == 0 ? null : i % 19 == 0 ? new byte[0]
                : utf8("{\"id\":" + i + ",\"note\":\"" + "abc".repeat(i % 40) + "\"}");
        return new ProducerRecord<>(topic, i % partitions, timestamp, i % 13 == 0 ? null : utf8("key-" + i), value, headers);
    }

    /**
     * Creates {@code topic} on {@code broker} with {@code partitions} and {@code configs}, fills it with {@code count}
     * {@link #varied} records 10 ms apart from {@code base} and returns its records as the broker holds them.
     */
    static Map<Integer, List<KfsRecord>> produce(KafkaTestBroker broker, String topic, int partitions, Map<String, String> configs,
                                                 int count, long base) {
        broker.createTopic(topic, partitions, configs);
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < count; i++) {
                producer.send(varied(topic, partitions, i, base + i * 10L));
            }
            producer.confirm();
        }
        return SourceRecords.of(broker.bootstrap(), topic);
    }
}
