package io.kafmirror.engine.mirror;

import io.kafmirror.kfs.format.SealedSegment;
import io.kafmirror.kfs.store.ObjectRetention;

/**
 * A sealed segment waiting for the store, with the retention it gets there.
 *
 * @param segment    the sealed bytes and footer
 * @param retention  its Object Lock retention
 * @param timestamps its records' timestamps, for measuring mirror latency once it is stored
 */
record PendingSegment(SealedSegment segment, ObjectRetention retention, RecordTimestamps timestamps) {

    /** Memory the segment holds until it is stored. */
    long bytes() {
        return segment.bytes().length;
    }

    /** The topic it belongs to. */
    String topic() {
        return segment.footer().identity().topic();
    }
}
