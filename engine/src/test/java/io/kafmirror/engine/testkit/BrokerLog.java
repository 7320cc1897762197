package io.kafmirror.engine.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.internal.FileRecords;

/** The record batches a test broker holds in its log files, byte for byte: what a backup of its batches must equal. */
public final class BrokerLog {

    private BrokerLog() {
    }

    /** The data batches (no transaction markers) of partition {@code tp} in the log files of {@code broker}. */
    public static List<ByteBuffer> dataBatches(KafkaTestBroker broker, TopicPartition tp) {
        List<ByteBuffer> batches = new ArrayList<>();
        try (Stream<Path> files = Files.list(broker.dataDir().resolve("log").resolve(tp.topic() + "-" + tp.partition()))) {
            for (Path segment : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                try (FileRecords records = FileRecords.open(new File(segment.toString()), false)) {
                    for (var batch : records.batches()) {
                        if (!batch.isControlBatch()) {
                            ByteBuffer bytes = ByteBuffer.allocate(batch.sizeInBytes());
                            batch.writeTo(bytes);
                            batches.add(bytes.flip());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return batches;
    }
}
