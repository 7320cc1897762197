package io.kafmirror.kfs.format;

/** The segment was written by a newer kaf-mirror with a format version this reader does not know. */
public class UnsupportedFormatVersionException extends CorruptSegmentException {

    public UnsupportedFormatVersionException(String objectName, String part, long position, int version) {
        super(objectName, part, position, "format version " + version + " is not supported; this kaf-mirror reads version "
                + FormatVersion.CURRENT + " only. Upgrade kaf-mirror to read it.");
    }
}
