package io.kafmirror.engine.mirror;

import io.kafmirror.engine.anomaly.DetectorMemory;
import io.kafmirror.engine.config.StoredBatches;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.format.SegmentWriterConfig;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors the selected topics of one source cluster into the segment archive, on one thread.
 *
 * <p>The source reader is assigned partitions directly (no consumer group, nothing written to the source)
 * and positioned from the catalog: the offset after the last stored record of each partition, so a
 * restart after any crash neither skips nor repeats a record. Records are buffered per topic and
 * sealed into one segment per topic per flush; {@link SegmentUploader} stores segments in order.
 * When buffered plus unstored data reaches the memory bound, reading pauses until the store catches up.
 */
public final class MirrorTask implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorTask.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_DRAIN = Duration.ofSeconds(30);
    private static final Duration END_OFFSETS_EVERY = Duration.ofSeconds(5);
    private static final Duration KNOWN_ENDS_EVERY = Duration.ofSeconds(1);

    private final MirrorSettings settings;
    private final Properties clientProperties;
    private final SegmentArchive archive;
    private final MirrorListener listener;
    private final Clock clock;
    private final String writerId = "w" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    private final AtomicLong sequences = new AtomicLong();
    private final Map<String, TopicBuffer> buffers = new HashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final MirrorProgress progress;
    private final RecordWatch records;
    private volatile boolean stopping;
    private volatile SourceReader reader;
    private TopicWatch watch;
    private SegmentUploader uploader;
    private boolean paused;
    private volatile long heldBytes;
    // When the data of the current read arrived: taken once per read, when the first of it is handed over.
    private long readAtNanos = -1;
    private final SourceSink sink = new SourceSink() {
        @Override
        public void record(TopicPartition partition, KfsRecord record) {
            buffer(partition).append(partition.partition(), record, readAtNanos);
            records.record(partition, record);
        }

        @Override
        public void batch(TopicPartition partition, ByteBuffer batch) {
            // First: storing the batch reads it to its end.
            records.batch(partition, batch);
            buffer(partition).appendBatch(partition.partition(), batch, readAtNanos);
        }

        private TopicBuffer buffer(TopicPartition partition) {
            if (readAtNanos < 0) {
                readAtNanos = System.nanoTime();
            }
            return buffers.computeIfAbsent(partition.topic(), MirrorTask.this::newBuffer);
        }
    };

    /** A task mirroring with {@code settings} from the cluster {@code clientProperties} reach, into {@code archive}. */
    public MirrorTask(MirrorSettings settings, Properties clientProperties, SegmentArchive archive,
                      MirrorListener listener, Clock clock) {
        this(settings, clientProperties, archive, listener, clock, DetectorMemory.NONE);
    }

    /** As {@link #MirrorTask(MirrorSettings, Properties, SegmentArchive, MirrorListener, Clock)}, its detectors keeping what they learn in {@code memory}. */
    public MirrorTask(MirrorSettings settings, Properties clientProperties, SegmentArchive archive,
                      MirrorListener listener, Clock clock, DetectorMemory memory) {
        this.settings = settings;
        this.clientProperties = clientProperties;
        this.archive = archive;
        this.listener = listener;
        this.clock = clock;
        this.progress = new MirrorProgress(clock.millis());
        this.records = new RecordWatch(listener, clock, topic -> watch.current(topic), settings.anomalies(), memory);
    }

    /** Mirrors until {@link #stop}; then seals and stores what it read, as far as the store allows. */
    @Override
    public void run() {
        try (Admin admin = Admin.create(adminProperties());
             SourceReader source = openSource()) {
            reader = source;
            uploader = new SegmentUploader(settings.job(), archive, listener, progress, clock);
            watch = new TopicWatch(new SourceTopics(admin, settings.topics(), ADMIN_TIMEOUT), source, archive,
                    settings.cluster(), listener, clock);
            watch.onRetired(this::sealTopic);
            watch.onResumed(progress::resumed);
            mirror(source, admin);
        } catch (AuthenticationException | AuthorizationException e) {
            // Refused mid-run (a READ ACL removed, a password rotated): as plain an event as a refusal at the start.
            throw refused(SourceAccessException.from(e, "reading the mirrored topics"), refusedTopic(e));
        } catch (SourceAccessException e) {
            throw refused(e, null);
        } finally {
            if (uploader != null) {
                uploader.close();
            }
            // After the store took what was read: a failed run's successor, or the next start, goes on from here.
            records.save();
            reader = null;
            stopped.countDown();
        }
    }

    /** Reports {@code e} as an {@link MirrorEvent.Type#AUTH_FAILURE} of {@code topic} (null: the job) when it is one; returns it. */
    private SourceAccessException refused(SourceAccessException e, String topic) {
        if (e.authFailure()) {
            listener.event(new MirrorEvent(MirrorEvent.Type.AUTH_FAILURE, clock.instant(), topic, -1, e.getMessage()));
        }
        return e;
    }

    /** The one topic a refusal names, or null when it names none or several. */
    private static String refusedTopic(RuntimeException e) {
        return e instanceof TopicAuthorizationException t && t.unauthorizedTopics().size() == 1
                ? t.unauthorizedTopics().iterator().next() : null;
    }

    /** Asks the task to stop; returns at once. */
    public void stop() {
        stopping = true;
        SourceReader current = reader;
        if (current != null) {
            current.wakeup();
        }
    }

    /** Lag, throughput and latency per partition, sampled by the caller. */
    public MirrorProgress progress() {
        return progress;
    }

    /** Record bytes held in memory right now: read but not yet stored. */
    public long heldBytes() {
        return heldBytes;
    }

    /** Waits until {@link #run} has returned. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void mirror(SourceReader source, Admin admin) {
        long nextRefresh = System.nanoTime();
        long nextEnds = System.nanoTime();
        long nextKnownEnds = System.nanoTime();
        while (!stopping) {
            try {
                if (System.nanoTime() - nextRefresh >= 0) {
                    watch.refresh();
                    nextRefresh = System.nanoTime() + settings.topicRefresh().toNanos();
                }
                if (System.nanoTime() - nextEnds >= 0) {
                    readSourceEnds(source);
                    readHighWatermarks(source, admin);
                    commitStoredOffsets(source, admin);
                    nextEnds = System.nanoTime() + END_OFFSETS_EVERY.toNanos();
                }
                applyBackpressure(source);
                readAtNanos = -1;
                source.read(POLL, sink);
                if (!paused) {
                    // Only while reading: a pause is the store's doing, not a topic falling silent.
                    records.tick();
                }
                long now = System.nanoTime();
                if (now - nextKnownEnds >= 0) {
                    // Fresher than the ListOffsets answers every few seconds, so lag counts what was just produced.
                    progress.sourceEnds(source.knownEnds());
                    nextKnownEnds = now + KNOWN_ENDS_EVERY.toNanos();
                }
                sealDue(now);
            } catch (WakeupException e) {
                break;
            } catch (OffsetOutOfRangeException e) {
                // A topic deleted and created again also puts our positions out of range: look at the
                // topics first, so that is handled as a new generation and not reported as a gap.
                Set<String> replaced = watch.refresh();
                nextRefresh = System.nanoTime() + settings.topicRefresh().toNanos();
                Map<TopicPartition, Long> lost = new HashMap<>(e.offsetOutOfRangePartitions());
                lost.keySet().removeIf(tp -> replaced.contains(tp.topic()) || !source.assignment().contains(tp));
                if (!lost.isEmpty()) {
                    watch.outOfRange(lost);
                }
            }
        }
        finish();
    }

    /** Asks the source for its log end offsets: one request per broker, and reads go on if it does not answer. */
    private void readSourceEnds(SourceReader source) {
        try {
            // Dated when asked: a record written while the answer travels may be beyond the ends it gives.
            long askedAt = clock.millis();
            progress.sourceEnds(source.endOffsets(source.assignment(), POLL), askedAt);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            LOG.debug("The source's end offsets did not come within {} ms; lag is from the previous answer", POLL.toMillis());
        }
    }

    /**
     * Under read_committed the source's end is its last stable offset, which a transaction left open holds back: the
     * high watermarks show the records behind it, so that a partition stuck behind one is seen as stalled, not idle.
     * Asked without waiting; the answer is taken when it comes.
     */
    private void readHighWatermarks(SourceReader source, Admin admin) {
        Set<TopicPartition> assigned = source.assignment();
        if (!settings.readCommitted() || assigned.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        assigned.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().whenComplete((answer, error) -> {
            if (error != null) {
                LOG.debug("The source's high watermarks did not come ({}); stalls are judged by the last ones", error.getMessage());
                return;
            }
            Map<TopicPartition, Long> marks = new HashMap<>();
            answer.forEach((tp, info) -> marks.put(tp, info.offset()));
            progress.highWatermarks(marks);
        });
    }

    /** Shows the backup's progress as a consumer group on the source, when the job asks for it; never read back. */
    private void commitStoredOffsets(SourceReader source, Admin admin) {
        if (!settings.commitOffsets()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Set<TopicPartition> assigned = source.assignment();
        progress.storedOffsets().forEach((tp, next) -> {
            if (assigned.contains(tp)) {
                offsets.put(tp, new OffsetAndMetadata(next, "stored by kaf-mirror"));
            }
        });
        if (!offsets.isEmpty()) {
            // The group never has members (the reader is assigned its partitions), so the admin client may set its
            // offsets; the answer is not waited for, as nothing is read back.
            admin.alterConsumerGroupOffsets(visibilityGroup(), offsets).all().whenComplete((done, error) -> {
                if (error != null) {
                    LOG.warn("Committing stored offsets of job {} to the source failed ({}); the backup is not"
                            + " affected, only what the source shows of it", settings.job(), error.getMessage());
                }
            });
        }
    }

    private TopicBuffer newBuffer(String topic) {
        SourceTopic source = watch.current(topic);
        return new TopicBuffer(source, settings.cluster(), writerId, sequences::getAndIncrement,
                SegmentWriterConfig.DEFAULT.withCodec(settings.codec()));
    }

    private void sealDue(long now) {
        for (TopicBuffer buffer : new ArrayList<>(buffers.values())) {
            if (buffer.due(settings.flushBytes(), settings.flushLinger(), now)) {
                seal(buffer);
            }
        }
    }

    /** Seals the buffer of a topic generation that is going away (deleted or recreated on the source). */
    private void sealTopic(String topic) {
        progress.forget(topic);
        records.forget(topic);
        TopicBuffer buffer = buffers.remove(topic);
        if (buffer != null && !buffer.isEmpty()) {
            seal(buffer);
        }
    }

    private void seal(TopicBuffer buffer) {
        PendingSegment sealed = buffer.seal(clock.millis(),
                settings.retention().forSegment(buffer.topic().name(), clock.instant()));
        uploader.submit(sealed);
        LOG.debug("Sealed {} records of {} ({} bytes)", sealed.segment().footer().recordCount(), buffer.topic().name(),
                sealed.bytes());
    }

    private void applyBackpressure(SourceReader source) {
        uploader.checkAlive();
        long held = uploader.queuedBytes();
        for (TopicBuffer buffer : buffers.values()) {
            held += buffer.bufferedBytes();
        }
        heldBytes = held;
        // A poll may still hand over what the consumer fetched before the pause: up to two fetches.
        boolean full = held + 2 * fetchBytes() >= settings.maxBufferedBytes();
        Set<TopicPartition> assigned = source.assignment();
        if (full && !paused) {
            LOG.info("Holding {} bytes, the bound is {}: pausing reads until the store catches up", held,
                    settings.maxBufferedBytes());
            // Seal what is buffered so the uploader has it all and memory is freed as soon as the store takes it.
            new ArrayList<>(buffers.values()).stream().filter(b -> !b.isEmpty()).forEach(this::seal);
            source.pause(assigned);
            paused = true;
        } else if (!full && paused) {
            source.resume(assigned);
            paused = false;
        } else if (paused) {
            source.pause(assigned);
        }
    }

    private void finish() {
        for (TopicBuffer buffer : new ArrayList<>(buffers.values())) {
            if (!buffer.isEmpty()) {
                seal(buffer);
            }
        }
        try {
            if (!uploader.drain(STOP_DRAIN)) {
                LOG.warn("Stopped with {} bytes not stored: the store did not take them within {} s; they are"
                        + " read again from the source on the next start", uploader.queuedBytes(), STOP_DRAIN.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SourceReader openSource() {
        String clientId = "kaf-mirror-" + settings.job();
        return settings.batches() == StoredBatches.SOURCE
                ? new FetchSourceReader(clientProperties, clientId, settings.readCommitted(), fetchBytes())
                : new ConsumerSourceReader(clientProperties, clientId, settings.readCommitted(), fetchBytes());
    }

    private String visibilityGroup() {
        return "kaf-mirror-" + settings.job();
    }

    /** Fetch size small enough that in-flight fetches fit under the memory bound with room to spare. */
    private int fetchBytes() {
        return (int) Math.min(50L << 20, Math.max(64L << 10, settings.maxBufferedBytes() / 8));
    }

    private Properties adminProperties() {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "kaf-mirror-" + settings.job() + "-admin");
        return p;
    }
}
