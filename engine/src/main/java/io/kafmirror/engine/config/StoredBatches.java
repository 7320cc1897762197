package io.kafmirror.engine.config;

/** What a backup job stores of the record batches it reads from the source. */
public enum StoredBatches {

    /**
     * Compressed source batches byte for byte, as the source broker stores them (producer's compression, producer id
     * and sequence kept); uncompressed ones compressed with the job's compression. Fetches batches without decoding
     * them: the fastest way, and the default.
     */
    SOURCE,

    /** Every record decoded and encoded again into batches of the job's compression: one codec across the backup. */
    REBUILD
}
