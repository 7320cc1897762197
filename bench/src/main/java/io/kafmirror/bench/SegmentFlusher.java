package io.kafmirror.bench;

import io.kafmirror.kfs.format.SealedSegment;
import io.kafmirror.kfs.format.SegmentIdentity;
import io.kafmirror.kfs.format.SegmentWriter;
import io.kafmirror.kfs.format.SegmentWriterConfig;
import java.util.Iterator;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes a record stream as the engine's flush loop would: one {@link SegmentWriter} per segment,
 * sealed as soon as it buffers the flush size, each sealed segment handed to a sink.
 */
final class SegmentFlusher {

    /** Whose segments these are: a topic {@code payments} of cluster {@code bench}. */
    static final SegmentIdentity IDENTITY = new SegmentIdentity("bench", "payments",
            new UUID(0x6b66_7362_656e_6368L, 1), "bench-writer", 0);

    private final SegmentWriterConfig config;
    private final long flushBytes;
    // Keeps keys unique across iterations, as a real writer's sequence does.
    private long sequence;

    /** Writes segments with {@code config}, each sealed at about {@code flushBytes}. */
    SegmentFlusher(SegmentWriterConfig config, long flushBytes) {
        this.config = config;
        this.flushBytes = flushBytes;
    }

    /** Appends every record of {@code stream}, handing each sealed segment to {@code sink}. */
    void write(Iterator<PartitionRecord> stream, Consumer<SealedSegment> sink) {
        SegmentWriter writer = nextWriter();
        while (stream.hasNext()) {
            PartitionRecord r = stream.next();
            writer.append(r.partition(), r.record());
            if (writer.bufferedBytes() >= flushBytes) {
                sink.accept(writer.seal(System.currentTimeMillis()));
                writer = nextWriter();
            }
        }
        if (writer.recordCount() > 0) {
            sink.accept(writer.seal(System.currentTimeMillis()));
        }
    }

    private SegmentWriter nextWriter() {
        return new SegmentWriter(IDENTITY.withSequence(sequence++), config);
    }
}
