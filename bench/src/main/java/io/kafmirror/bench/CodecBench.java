package io.kafmirror.bench;

import io.kafmirror.kfs.format.SealedSegment;
import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.format.SegmentReader;
import io.kafmirror.kfs.format.SegmentSource;
import io.kafmirror.kfs.format.SegmentWriterConfig;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures one codec. Every iteration runs each {@link Step} once, raw and ours interleaved, so
 * drift of the machine (other load, clock boost, page cache) hits both sides alike; warm-up
 * iterations let the JIT compile every path before anything is kept.
 */
final class CodecBench {

    private final SegmentCodec codec;
    private final BenchRecords records;
    private final BenchOptions options;
    private final LocalSegmentStore store;

    /** A run of {@code codec} over {@code records}, storing into {@code store}. */
    CodecBench(SegmentCodec codec, BenchRecords records, BenchOptions options, LocalSegmentStore store) {
        this.codec = codec;
        this.records = records;
        this.options = options;
        this.store = store;
    }

    /** Runs the warm-up and measured iterations. */
    Result run() {
        SegmentWriterConfig config = SegmentWriterConfig.DEFAULT.withCodec(codec);
        RawBatchBuilder raw = new RawBatchBuilder(codec, config.batchTargetBytes());
        SegmentFlusher flusher = new SegmentFlusher(config, options.segmentBytes());
        Samples measured = new Samples();
        long segmentBytes = 0;
        for (int i = 0; i < options.warmups() + options.iterations(); i++) {
            Samples samples = i < options.warmups() ? new Samples() : measured;
            segmentBytes = inMemory(samples, raw, flusher);
            throughLocalStore(samples, flusher);
        }
        return new Result(codec, measured, records.tally(), segmentBytes);
    }

    /** Times the raw steps and the in-memory writer and reader; returns the bytes of the segments written. */
    private long inMemory(Samples samples, RawBatchBuilder raw, SegmentFlusher flusher) {
        List<SealedSegment> segments = new ArrayList<>();
        samples.time(Step.RAW_BUILD, () -> {
            if (raw.build(records.stream()) <= 0) {
                throw new IllegalStateException("The raw builder built nothing");
            }
        });
        samples.time(Step.MEMORY_WRITE, () -> flusher.write(records.stream().iterator(), segments::add));
        samples.time(Step.RAW_ITERATE, () -> RawBatchReader.read(segments).requireSame(records.tally(), "raw iteration"));
        samples.time(Step.MEMORY_READ, () -> {
            Tally tally = new Tally();
            for (SealedSegment s : segments) {
                SegmentScan.readAll(SegmentReader.open(SegmentSource.of("bench.kfs", s.bytes())), tally);
            }
            tally.requireSame(records.tally(), "the segment reader");
        });
        return segments.stream().mapToLong(s -> s.bytes().length).sum();
    }

    private void throughLocalStore(Samples samples, SegmentFlusher flusher) {
        LocalStoreTrip trip = new LocalStoreTrip(store);
        try {
            samples.time(Step.LOCAL_WRITE, () -> flusher.write(records.stream().iterator(), trip::put));
            samples.time(Step.LOCAL_READ, () -> trip.readAll().requireSame(records.tally(), "the local store"));
        } finally {
            trip.clear();
        }
    }

    /**
     * What one codec measured.
     *
     * @param codec        the codec
     * @param samples      the measured iterations
     * @param payload      records and payload handled by every step
     * @param segmentBytes total size of the segments, for the compression ratio
     */
    record Result(SegmentCodec codec, Samples samples, Tally payload, long segmentBytes) {

        /** The median rate of {@code step}. */
        Rate rate(Step step) {
            return Rate.of(payload, samples.medianNanos(step));
        }

        /** Payload bytes per segment byte. */
        double compressionRatio() {
            return (double) payload.payloadBytes() / segmentBytes;
        }
    }
}
