package io.kafmirror.engine.mirror;

import io.kafmirror.kfs.format.KfsRecord;
import org.apache.kafka.common.TopicPartition;

/** Takes what a {@link SourceReader} read. */
interface SourceSink {

    /** One record of {@code partition}, with its source offset. */
    void record(TopicPartition partition, KfsRecord record);
}
