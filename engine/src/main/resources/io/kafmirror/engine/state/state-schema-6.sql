-- State schema version 6: what the anomaly detectors learned, kept between runs (issue #7), and the index that lets a
-- job's metrics be read by time range without scanning all of its history.
-- Every statement must be idempotent: see StateSchema. docs/state-database.md describes the columns.
CREATE TABLE IF NOT EXISTS detector_state (
    job          VARCHAR(64)  NOT NULL,
    detector     VARCHAR(32)  NOT NULL,
    scope        VARCHAR(249) NOT NULL,
    generation   VARCHAR(64)  NOT NULL,
    sensitivity  VARCHAR(16)  NOT NULL,
    state        VARBINARY    NOT NULL,
    saved_at     BIGINT       NOT NULL,
    PRIMARY KEY (job, detector, scope)
);
CREATE INDEX IF NOT EXISTS metric_sample_job_at ON metric_sample (job, at);
