-- Catalog schema version 1: every stored segment and its partition chunks.
CREATE TABLE segment (
    object_key      VARCHAR(1024) PRIMARY KEY,
    cluster         VARCHAR(64)   NOT NULL,
    topic           VARCHAR(249)  NOT NULL,
    topic_id        UUID          NOT NULL,
    writer_id       VARCHAR(64)   NOT NULL,
    writer_sequence BIGINT        NOT NULL,
    sealed_at       BIGINT        NOT NULL,
    codec           VARCHAR(8)    NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    record_count    BIGINT        NOT NULL,
    min_timestamp   BIGINT        NOT NULL,
    max_timestamp   BIGINT        NOT NULL,
    retention_mode  VARCHAR(16),
    retain_until    BIGINT,
    legal_hold      BOOLEAN       NOT NULL
);
CREATE INDEX segment_topic ON segment (cluster, topic);

CREATE TABLE segment_chunk (
    object_key    VARCHAR(1024) NOT NULL REFERENCES segment (object_key) ON DELETE CASCADE,
    partition_id  INT           NOT NULL,
    first_offset  BIGINT        NOT NULL,
    last_offset   BIGINT        NOT NULL,
    record_count  BIGINT        NOT NULL,
    min_timestamp BIGINT        NOT NULL,
    max_timestamp BIGINT        NOT NULL,
    chunk_bytes   BIGINT        NOT NULL,
    PRIMARY KEY (object_key, partition_id)
);
