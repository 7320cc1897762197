package io.kafmirror.bench;

/** What one timed step of an iteration does, and which raw kafka-clients step it is compared with. */
enum Step {
    RAW_BUILD(null, "build", null),
    RAW_ITERATE(null, "iterate", null),
    MEMORY_WRITE("memory", "write", RAW_BUILD),
    MEMORY_READ("memory", "read", RAW_ITERATE),
    LOCAL_WRITE("local", "write", RAW_BUILD),
    LOCAL_READ("local", "read", RAW_ITERATE);

    private final String path;
    private final String operation;
    private final Step baseline;

    Step(String path, String operation, Step baseline) {
        this.path = path;
        this.operation = operation;
        this.baseline = baseline;
    }

    /** Where the segments live: {@code memory} or {@code local} (the local folder store); null for a baseline. */
    String path() {
        return path;
    }

    String operation() {
        return operation;
    }

    /** The raw step this one is compared with; null for a baseline itself. */
    Step baseline() {
        return baseline;
    }
}
