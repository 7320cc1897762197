package io.kafmirror.engine.config;

import io.kafmirror.kfs.store.LocalSegmentStore;
import io.kafmirror.kfs.store.SegmentStore;
import java.nio.file.Path;

/**
 * A store in a local folder ({@code type: local}). It cannot enforce Object Lock; see {@link LocalSegmentStore}.
 *
 * @param path the folder, created when missing
 */
public record LocalStoreConfig(Path path) implements StoreConfig {

    /** The YAML {@code type} of this store. */
    public static final String TYPE = "local";

    /** Checks that a folder is given. */
    public LocalStoreConfig {
        if (path == null) {
            throw ConfigException.at("path", "is required: the folder that holds the segments");
        }
    }

    @Override
    public SegmentStore open() {
        return new LocalSegmentStore(path);
    }
}
