package io.kafmirror.bench;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import java.nio.file.Path;
import java.util.Map;

/** The Kafka broker a benchmark runs against: in the benchmark's JVM, or in a process of its own ({@link BrokerProcess}). */
interface BenchBroker extends AutoCloseable {

    /** The PLAINTEXT bootstrap address. */
    String bootstrap();

    /** Creates {@code topic} with {@code partitions} partitions and {@code configs}, returning once every partition has a leader. */
    void createTopic(String topic, int partitions, Map<String, String> configs);

    /** Where it runs and keeps its data, for the report. */
    String description();

    @Override
    void close();

    /** A broker started in this JVM with the engine's test kit, its log in {@code dir}. */
    static BenchBroker inThisJvm(Path dir) {
        return of(KafkaTestBroker.start(dir), "in this JVM; data in " + dir);
    }

    /** {@code broker}, described as {@code description}. */
    static BenchBroker of(KafkaTestBroker broker, String description) {
        return new BenchBroker() {
            @Override
            public String bootstrap() {
                return broker.bootstrap();
            }

            @Override
            public void createTopic(String topic, int partitions, Map<String, String> configs) {
                broker.createTopic(topic, partitions, configs);
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public void close() {
                broker.close();
            }
        };
    }
}
