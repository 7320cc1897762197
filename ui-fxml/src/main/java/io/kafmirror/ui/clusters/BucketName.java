package io.kafmirror.ui.clusters;

import java.util.regex.Pattern;

/** The as-you-type check of an S3 bucket name, by the AWS naming rules, which S3-compatible servers follow too. */
final class BucketName {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9.-]*");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private BucketName() {
    }

    /** The problem with {@code name}, or {@link FieldNote#NONE}; {@code name} is already expanded. */
    static FieldNote check(String name) {
        if (name.length() < 3 || name.length() > 63) {
            return FieldNote.error("a bucket name has 3 to 63 characters; '" + name + "' has " + name.length());
        }
        if (!ALLOWED.matcher(name).matches()) {
            return FieldNote.error("a bucket name holds only lower-case letters, digits, '.' and '-'");
        }
        if (!Character.isLetterOrDigit(name.charAt(0)) || !Character.isLetterOrDigit(name.charAt(name.length() - 1))) {
            return FieldNote.error("a bucket name starts and ends with a letter or a digit");
        }
        if (name.contains("..")) {
            return FieldNote.error("a bucket name has no two dots in a row");
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            return FieldNote.error("a bucket name must not look like an IP address");
        }
        if (name.startsWith("xn--") || name.endsWith("-s3alias") || name.endsWith("--ol-s3")) {
            return FieldNote.error("names starting with xn-- or ending in -s3alias or --ol-s3 are reserved by S3");
        }
        return FieldNote.NONE;
    }
}
