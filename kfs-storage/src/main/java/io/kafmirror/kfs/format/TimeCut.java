package io.kafmirror.kfs.format;

/**
 * Where a partition's chunk stops being at or before a time: its first record later than the time, and the records
 * before that one in the chunk.
 *
 * @param offset        the offset of the first record, in offset order, whose timestamp is later than the time
 * @param recordsBefore the chunk's records before it (fewer than the offset span when offsets have holes)
 */
public record TimeCut(long offset, long recordsBefore) {
}
