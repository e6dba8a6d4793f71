-- Every record of the topics is appended (docs/adr/0012-audit-every-record.md): an event without data
-- (a null record value), and a record that cannot be read as an event at all, kept raw and flagged.
-- Both are entries of canonical encoding version 2; the entries before this migration stay version 1.
-- DDL only: no row is updated, so the append-only trigger is not involved and old leaves stay as they are.

ALTER TABLE audit_entry
    ADD COLUMN encoding_version  smallint NOT NULL DEFAULT 1,
    -- Version 2 only: the record key (NULL when it had none) and headers as received. kafka_headers holds
    -- field 17 of the encoding: u32 count, then each header's name (u32 length, UTF-8) and value
    -- (0x00 absent, or 0x01, u32 length, bytes).
    ADD COLUMN kafka_key         bytea,
    ADD COLUMN kafka_headers     bytea,
    -- The flag: why the record could not be read as an event. NULL for every event.
    ADD COLUMN unreadable_reason text;

-- Rows before this migration are version 1; every insert from now on names its version.
ALTER TABLE audit_entry ALTER COLUMN encoding_version DROP DEFAULT;

-- An unreadable record has no event attributes; an event without data has no payload.
ALTER TABLE audit_entry
    ALTER COLUMN event_id DROP NOT NULL,
    ALTER COLUMN type DROP NOT NULL,
    ALTER COLUMN source DROP NOT NULL,
    ALTER COLUMN subject DROP NOT NULL,
    ALTER COLUMN subject_sequence DROP NOT NULL,
    ALTER COLUMN event_time DROP NOT NULL,
    ALTER COLUMN payload DROP NOT NULL;

-- What each version holds, checked by the database as well as by the writer.
ALTER TABLE audit_entry
    ADD CONSTRAINT audit_entry_version CHECK (encoding_version IN (1, 2)),
    ADD CONSTRAINT audit_entry_version_1 CHECK (encoding_version <> 1 OR (
        event_id IS NOT NULL AND type IS NOT NULL AND source IS NOT NULL AND subject IS NOT NULL
        AND subject_sequence IS NOT NULL AND event_time IS NOT NULL AND payload IS NOT NULL
        AND kafka_key IS NULL AND kafka_headers IS NULL AND unreadable_reason IS NULL)),
    ADD CONSTRAINT audit_entry_version_2 CHECK (encoding_version <> 2 OR (
        kafka_headers IS NOT NULL AND CASE
            WHEN unreadable_reason IS NULL THEN
                event_id IS NOT NULL AND type IS NOT NULL AND source IS NOT NULL AND subject IS NOT NULL
                AND subject_sequence IS NOT NULL AND event_time IS NOT NULL AND payload IS NULL
            ELSE
                event_id IS NULL AND type IS NULL AND source IS NULL AND subject IS NULL
                AND subject_sequence IS NULL AND event_time IS NULL
                AND data_content_type IS NULL AND data_schema IS NULL
        END));

-- GET /api/v1/audit/unreadable, and the writer's check that a redelivered unreadable record is already in.
CREATE INDEX audit_entry_unreadable ON audit_entry (topic, kafka_partition, kafka_offset)
    WHERE unreadable_reason IS NOT NULL;
CREATE INDEX audit_entry_unreadable_by_sequence ON audit_entry (sequence)
    WHERE unreadable_reason IS NOT NULL;
