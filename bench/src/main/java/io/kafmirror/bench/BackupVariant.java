package io.kafmirror.bench;

import io.kafmirror.engine.config.StoredBatches;
import io.kafmirror.kfs.format.SegmentCodec;
import java.util.Locale;

/**
 * One way the engine is measured backing up: source batches kept or rebuilt, and the codec of the batches it builds.
 *
 * @param batches what the engine stores of the source's batches
 * @param codec   the job's compression
 */
record BackupVariant(StoredBatches batches, SegmentCodec codec) {

    /** How the result tables name it, e.g. {@code source batches, zstd}. */
    String label() {
        return batches.name().toLowerCase(Locale.ROOT) + " batches, " + codec.name().toLowerCase(Locale.ROOT);
    }
}
