package io.kafmirror.engine.mirror;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * How the mirror reads its source: assigned partitions read from positions it sets, never a consumer group.
 * Reads hand records or whole record batches to a {@link SourceSink}. Used by one thread, except {@link #wakeup}.
 */
interface SourceReader extends AutoCloseable {

    /** Replaces the assignment; partitions new to it read from where {@link #seek} puts them. */
    void assign(Collection<TopicPartition> partitions);

    /** The assigned partitions. */
    Set<TopicPartition> assignment();

    /** Reads {@code partition} from {@code offset} on. */
    void seek(TopicPartition partition, long offset);

    /** Reads {@code partitions} from their log start offsets on. */
    void seekToBeginning(Collection<TopicPartition> partitions);

    /** Stops reading {@code partitions} until resumed; their positions are kept. */
    void pause(Collection<TopicPartition> partitions);

    /** Reads {@code partitions} again. */
    void resume(Collection<TopicPartition> partitions);

    /** The source's log start offsets, waiting at most {@code timeout}. */
    Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions, Duration timeout);

    /** The source's end offsets (the last stable offset under read_committed), waiting at most {@code timeout}. */
    Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions, Duration timeout);

    /**
     * The end offsets (as {@link #endOffsets}) the source reported with the data read last, without asking it;
     * partitions not read from yet are left out.
     */
    Map<TopicPartition, Long> knownEnds();

    /**
     * Waits up to {@code timeout} for data and hands what came to {@code sink}, each partition in offset order.
     * A position the source no longer has throws {@link org.apache.kafka.clients.consumer.OffsetOutOfRangeException};
     * {@link #wakeup} makes it throw {@link org.apache.kafka.common.errors.WakeupException}.
     */
    void read(Duration timeout, SourceSink sink);

    /** Makes the current or next {@link #read} return by throwing a WakeupException; callable from any thread. */
    void wakeup();

    @Override
    void close();
}
