package io.kafmirror.engine.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.kafmirror.kfs.store.SegmentStore;

/** A segment store: where kaf-mirror writes segments. The YAML key {@code type} chooses the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LocalStoreConfig.class, name = LocalStoreConfig.TYPE),
        @JsonSubTypes.Type(value = S3BucketConfig.class, name = S3BucketConfig.TYPE)})
public sealed interface StoreConfig permits LocalStoreConfig, S3BucketConfig {

    /** Opens the store; the caller closes it. */
    SegmentStore open();
}
