package io.kafmirror.bench;

import io.kafmirror.kfs.format.KfsRecord;

/**
 * A record as a consumer hands it over: with the partition it came from.
 *
 * @param partition source partition
 * @param record    the record
 */
record PartitionRecord(int partition, KfsRecord record) {
}
