package io.kafmirror.kfs.store;

/** Reads the object size out of an HTTP {@code Content-Range: bytes a-b/total} response header. */
final class ContentRange {

    private ContentRange() {
    }

    /** The total size the header states, or {@code contentLength} when the whole object came back without one. */
    static long totalSize(String contentRange, Long contentLength) {
        if (contentRange == null) {
            return contentLength == null ? 0 : contentLength;
        }
        int slash = contentRange.lastIndexOf('/');
        String total = slash < 0 ? "*" : contentRange.substring(slash + 1).trim();
        if (total.equals("*")) {
            throw new StoreException("The store answered a ranged read without the object size (Content-Range: " + contentRange + ")");
        }
        return Long.parseLong(total);
    }
}
