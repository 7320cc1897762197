package io.kafmirror.kfs.format;

/**
 * A segment failed a check: the message names the object, the part of the segment and the byte
 * position, so an operator can tell which object to restore from another copy.
 */
public class CorruptSegmentException extends RuntimeException {

    private final String objectName;
    private final String part;
    private final long position;

    public CorruptSegmentException(String objectName, String part, long position, String detail) {
        super("Segment '" + objectName + "' is corrupt in its " + part + " at byte " + position + ": " + detail);
        this.objectName = objectName;
        this.part = part;
        this.position = position;
    }

    /** The object (store key or file) that failed. */
    public String objectName() {
        return objectName;
    }

    /** The part that failed, e.g. {@code trailer} or {@code chunk of partition 3}. */
    public String part() {
        return part;
    }

    /** The absolute byte position in the object where the failing part or field starts. */
    public long position() {
        return position;
    }
}
