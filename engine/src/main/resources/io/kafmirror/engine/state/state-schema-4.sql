-- State schema version 4: the audit log, a hash chain of every state-changing action (docs/audit.md), and its head,
-- the one row every appender locks so that the CLI, the console and 'kaf-mirror run' append one chain between them.
-- Every statement must be idempotent: see StateSchema. docs/state-database.md describes the columns.
CREATE TABLE IF NOT EXISTS audit_entry (
    seq         BIGINT       PRIMARY KEY,
    at          BIGINT       NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    target      VARCHAR      NOT NULL,
    parameters  VARCHAR      NOT NULL,
    outcome     VARCHAR(16)  NOT NULL,
    reason      VARCHAR,
    prev_hash   VARCHAR(64)  NOT NULL,
    hash        VARCHAR(64)  NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_entry_at ON audit_entry (at);

CREATE TABLE IF NOT EXISTS audit_head (
    id          INT          PRIMARY KEY,
    chain       VARCHAR(36)  NOT NULL,
    seq         BIGINT       NOT NULL,
    hash        VARCHAR(64)  NOT NULL
);
-- Two programs migrating at once: the second insert fails on the primary key and StateSchema tries again, finding the row.
INSERT INTO audit_head (id, chain, seq, hash)
    SELECT 1, CAST(RANDOM_UUID() AS VARCHAR), 0, '0000000000000000000000000000000000000000000000000000000000000000'
    WHERE NOT EXISTS (SELECT 1 FROM audit_head WHERE id = 1);
