package io.kafmirror.engine.restore;

import java.time.Duration;
import java.util.List;

/**
 * What reading a restored topic back found, compared with the records of its plan in the backup.
 *
 * @param partitions    per restored partition, the records expected and found
 * @param firstMismatch the first difference, in partition then offset order; null when the target holds exactly the
 *                      planned records
 * @param duration      how long the verification took
 */
public record RestoreVerification(List<Partition> partitions, Mismatch firstMismatch, Duration duration) {

    /** Copies the partitions. */
    public RestoreVerification {
        partitions = List.copyOf(partitions);
    }

    /** Whether every partition holds exactly the planned records, each with equal checksum. */
    public boolean passed() {
        return firstMismatch == null;
    }

    /**
     * One restored partition as read back.
     *
     * @param partition the partition number
     * @param expected  the records the plan restores into it
     * @param found     the records the target holds from the restore's start offset to its end offset
     * @param differing the records found whose checksum or offset differs from the planned record they stand for
     */
    public record Partition(int partition, long expected, long found, long differing) {
    }

    /**
     * Where the target first differs from the backup.
     *
     * @param partition    the partition number
     * @param targetOffset the target offset of the differing, extra or first missing record
     * @param difference   what differs, in words for the operator
     */
    public record Mismatch(int partition, long targetOffset, String difference) {
    }
}
