package io.kafmirror.engine.config;

import java.time.Duration;

/**
 * When a partition's open segment is sealed and stored: once it holds {@code maxBytes}, or once its
 * oldest record has waited {@code maxLinger}, whichever comes first. Larger segments mean fewer objects
 * and requests; a shorter linger means less data at risk in memory.
 *
 * @param maxBytes  segment size that triggers a flush; default 16 MiB
 * @param maxLinger longest time a record waits in memory; default 30 s
 */
public record FlushPolicy(@SizeInBytes Long maxBytes, Duration maxLinger) {

    private static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    private static final Duration DEFAULT_MAX_LINGER = Duration.ofSeconds(30);

    /** 16 MiB or 30 seconds. */
    public static final FlushPolicy DEFAULT = new FlushPolicy(null, null);

    /** Applies defaults and checks that both limits are positive. */
    public FlushPolicy {
        maxBytes = maxBytes != null ? maxBytes : DEFAULT_MAX_BYTES;
        maxLinger = maxLinger != null ? maxLinger : DEFAULT_MAX_LINGER;
        if (maxBytes <= 0) {
            throw ConfigException.at("max_bytes", "must be positive, e.g. 16MiB");
        }
        if (maxLinger.isZero()) {
            throw ConfigException.at("max_linger", "must be positive, e.g. 30s");
        }
    }
}
