-- The kit's transactional outbox (docs/adr/0007-outbox-relay.md, docs/adr/0018-kit-outbox-and-leader.md): each
-- row is a complete CloudEvent, written in the same transaction as the change it reports, and published to
-- Kafka by the kit's relay. Named kit_outbox so that it never clashes with a service's own tables.
CREATE TABLE kit_outbox (
    -- Insertion order only. NOT commit order: a transaction that took a smaller value can commit later.
    position        bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        uuid         NOT NULL,
    event_type      varchar(128) NOT NULL,
    event_source    varchar(255) NOT NULL,
    event_time      timestamptz  NOT NULL,
    -- CloudEvents subject, partitionkey and Kafka key.
    subject         varchar(64)  NOT NULL,
    -- Per-subject sequence (CloudEvents extension subjectseq): 1, 2, 3, ... without gaps.
    sequence        integer      NOT NULL CHECK (sequence >= 1),
    traceparent     varchar(55)  NOT NULL,
    tracestate      varchar(512),
    -- The event data exactly as EventCodec.writeData wrote it (json keeps the text as written).
    data            json         NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    published_at    timestamptz,
    kafka_partition integer,
    kafka_offset    bigint,
    attempts        integer      NOT NULL DEFAULT 0,
    last_error      varchar(500),
    -- Set after a failed attempt: the subject's events wait until then (backoff).
    next_attempt_at timestamptz,
    CONSTRAINT kit_outbox_event_id_unique UNIQUE (event_id),
    CONSTRAINT kit_outbox_subject_sequence_unique UNIQUE (subject, sequence)
);

-- The relay's working set: the unpublished rows, by subject and sequence.
CREATE INDEX kit_outbox_unpublished ON kit_outbox (subject, sequence) WHERE published_at IS NULL;
-- Housekeeping deletes published rows after their retention.
CREATE INDEX kit_outbox_published_at ON kit_outbox (published_at) WHERE published_at IS NOT NULL;
