-- The kit's sequenced parking (docs/adr/0019): a key whose record was dead-lettered, and the records
-- of that key that came after it, kept in their order until an operator replays or discards the head.

-- One row per parked key; its row lock orders parking a record against releasing the key.
CREATE TABLE kit_parked_key (
    sequence_key varchar(255) PRIMARY KEY,
    parked_at    timestamptz  NOT NULL
);

-- The key's records, oldest (the head, the one dead-lettered) first. Value and headers exactly as read,
-- so a replay hands the handler the record it would have had.
CREATE TABLE kit_parked_record (
    id              bigserial    PRIMARY KEY,
    sequence_key    varchar(255) NOT NULL REFERENCES kit_parked_key (sequence_key),
    topic           varchar(249) NOT NULL,
    kafka_partition integer      NOT NULL,
    kafka_offset    bigint       NOT NULL,
    record_headers  bytea        NOT NULL,
    record_value    bytea,
    record_time     bigint       NOT NULL,
    parked_at       timestamptz  NOT NULL,
    -- Why it failed (ConsumerFailures.reason: a contract message or a class name, never data); null for a
    -- record parked only because an earlier one of its key failed.
    reason          varchar(1000)
);

CREATE INDEX kit_parked_record_by_key ON kit_parked_record (sequence_key, id);
