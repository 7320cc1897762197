-- State schema version 8: a running drill's last sign of life (issue #6). The program running a drill notes it every
-- Heartbeat.INTERVAL, so a drill marked RUNNING but silent for Heartbeat.SILENCE reads as stopped (killed or crashed)
-- instead of running forever. Rows of older versions have none (NULL): they are judged by started_at.
-- Every statement must be idempotent: see StateSchema. docs/state-database.md describes the columns.
ALTER TABLE drill_run ADD COLUMN IF NOT EXISTS updated_at BIGINT;
