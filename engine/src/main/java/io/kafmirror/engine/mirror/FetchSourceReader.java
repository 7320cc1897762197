package io.kafmirror.engine.mirror;

import io.kafmirror.engine.mirror.fetch.FetchedBatches;
import io.kafmirror.engine.mirror.fetch.SourceBatchFetcher;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/** Reads the source as whole record batches, as its brokers store them: nothing decoded on the way. */
final class FetchSourceReader implements SourceReader {

    private final SourceBatchFetcher fetcher;

    /** A reader with the cluster's {@code clientProperties} (security included). */
    FetchSourceReader(Properties clientProperties, String clientId, boolean readCommitted, int fetchMaxBytes) {
        this.fetcher = new SourceBatchFetcher(clientProperties, clientId, readCommitted, fetchMaxBytes);
    }

    @Override
    public void assign(Collection<TopicPartition> partitions) {
        fetcher.assign(partitions);
    }

    @Override
    public Set<TopicPartition> assignment() {
        return fetcher.assignment();
    }

    @Override
    public void seek(TopicPartition partition, long offset) {
        fetcher.seek(partition, offset);
    }

    @Override
    public void seekToBeginning(Collection<TopicPartition> partitions) {
        fetcher.seekToBeginning(partitions);
    }

    @Override
    public void pause(Collection<TopicPartition> partitions) {
        fetcher.pause(partitions);
    }

    @Override
    public void resume(Collection<TopicPartition> partitions) {
        fetcher.resume(partitions);
    }

    @Override
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions, Duration timeout) {
        return fetcher.beginningOffsets(partitions, timeout);
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions, Duration timeout) {
        return fetcher.endOffsets(partitions, timeout);
    }

    @Override
    public Map<TopicPartition, Long> knownEnds() {
        return fetcher.knownEnds();
    }

    @Override
    public void read(Duration timeout, SourceSink sink) {
        FetchedBatches fetched = fetcher.poll(timeout);
        for (TopicPartition partition : fetched.partitions()) {
            for (ByteBuffer batch : fetched.batches(partition)) {
                sink.batch(partition, batch);
            }
        }
    }

    @Override
    public void wakeup() {
        fetcher.wakeup();
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
