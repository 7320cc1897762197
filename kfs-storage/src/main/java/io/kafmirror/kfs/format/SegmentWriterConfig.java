package io.kafmirror.kfs.format;

import java.util.Objects;

/**
 * How a {@link SegmentWriter} lays out records.
 *
 * @param codec              compression of every batch
 * @param batchTargetBytes   uncompressed size at which a batch is closed; smaller batches make
 *                           time and offset look-ups read less, larger ones compress better
 * @param indexIntervalBytes minimum chunk bytes between two sparse index entries (Kafka's
 *                           {@code index.interval.bytes} plays the same role)
 */
public record SegmentWriterConfig(SegmentCodec codec, int batchTargetBytes, int indexIntervalBytes) {

    /** zstd, 128 KiB batches, an index entry at least every 4 KiB. */
    public static final SegmentWriterConfig DEFAULT = new SegmentWriterConfig(SegmentCodec.ZSTD, 128 * 1024, 4096);

    public SegmentWriterConfig {
        Objects.requireNonNull(codec, "codec");
        if (batchTargetBytes < 1 || indexIntervalBytes < 0) {
            throw new IllegalArgumentException("Batch target must be positive and index interval not negative");
        }
    }

    /** This configuration with another codec. */
    public SegmentWriterConfig withCodec(SegmentCodec newCodec) {
        return new SegmentWriterConfig(newCodec, batchTargetBytes, indexIntervalBytes);
    }
}
