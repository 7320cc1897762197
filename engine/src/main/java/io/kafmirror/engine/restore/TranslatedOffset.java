package io.kafmirror.engine.restore;

/**
 * A consumer group's committed offset on one partition, on the source and in the restored topic.
 *
 * @param partition    the partition number, the same on both
 * @param sourceOffset the offset the group had committed on the source: the next record it would have read
 * @param targetOffset the target offset of the first restored record at or after {@code sourceOffset}
 * @param metadata     the metadata string the group committed with it, kept on the target
 */
public record TranslatedOffset(int partition, long sourceOffset, long targetOffset, String metadata) {
}
