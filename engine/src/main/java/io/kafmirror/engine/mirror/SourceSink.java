package io.kafmirror.engine.mirror;

import io.kafmirror.kfs.format.KfsRecord;
import java.nio.ByteBuffer;
import org.apache.kafka.common.TopicPartition;

/** Takes what a {@link SourceReader} read: single records, or whole record batches as the source stores them. */
interface SourceSink {

    /** One record of {@code partition}, with its source offset. */
    void record(TopicPartition partition, KfsRecord record);

    /** One Kafka v2 record batch of {@code partition}, exactly as the source broker stores it. */
    void batch(TopicPartition partition, ByteBuffer batch);
}
