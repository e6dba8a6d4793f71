-- notification-service's own database. Everything here is written by this service only.

-- Events a handler has already received (eventuate-tram's received_messages): the primary key makes
-- a redelivered event a no-op. Inserted in the same transaction as the event's notices.
CREATE TABLE received_event (
    consumer    varchar(100) NOT NULL,
    event_id    uuid         NOT NULL,
    received_at timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

-- One notice per event, recipient and channel. The recipient is a police address (a duty unit),
-- never a victim's: victims' contacts are not stored here.
CREATE TABLE notice (
    id             uuid         PRIMARY KEY,
    event_id       uuid         NOT NULL,
    order_id       uuid         NOT NULL,
    recipient_role varchar(64)  NOT NULL,
    recipient      varchar(320) NOT NULL,
    channel        varchar(16)  NOT NULL,
    status         varchar(16)  NOT NULL,
    attempts       integer      NOT NULL DEFAULT 0,
    created_at     timestamptz  NOT NULL,
    sent_at        timestamptz,
    failed_at      timestamptz,
    last_error     varchar(64),
    CONSTRAINT notice_once_per_event_recipient_channel UNIQUE (event_id, recipient, channel),
    CONSTRAINT notice_channel_known CHECK (channel IN ('EMAIL', 'SMS', 'WEBHOOK')),
    CONSTRAINT notice_status_known CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    CONSTRAINT notice_attempts_not_negative CHECK (attempts >= 0),
    CONSTRAINT notice_sent_has_time CHECK (status <> 'SENT' OR sent_at IS NOT NULL),
    CONSTRAINT notice_failed_has_time CHECK (status <> 'FAILED' OR failed_at IS NOT NULL),
    -- A reason code, never provider text (which may quote addresses).
    CONSTRAINT notice_error_is_code CHECK (last_error ~ '^[A-Z][A-Z0-9_]{0,63}$')
);

CREATE INDEX notice_by_order ON notice (order_id);
CREATE INDEX notice_pending ON notice (event_id) WHERE status = 'PENDING';

-- The per-order sequence of the events notification-service publishes (CloudEvents subjectseq,
-- counted per producer and order; order-service numbers its own events of the same order).
CREATE TABLE outcome_sequence (
    order_id      uuid    PRIMARY KEY,
    last_sequence integer NOT NULL CHECK (last_sequence >= 1)
);

-- Outbox of NotificationSent / NotificationFailed: written with the notice status they report,
-- published after the commit, marked once Kafka acknowledged them.
CREATE TABLE outcome_event (
    id           uuid         PRIMARY KEY,
    order_id     uuid         NOT NULL,
    sequence     integer      NOT NULL,
    type         varchar(100) NOT NULL,
    occurred_at  timestamptz  NOT NULL,
    payload      jsonb        NOT NULL,
    traceparent  varchar(55),
    tracestate   varchar(512),
    notice_id    uuid         NOT NULL REFERENCES notice (id),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    published_at timestamptz,
    CONSTRAINT outcome_event_sequence_once UNIQUE (order_id, sequence)
);

CREATE INDEX outcome_event_by_notice ON outcome_event (notice_id);
CREATE INDEX outcome_event_unpublished ON outcome_event (order_id, sequence) WHERE published_at IS NULL;
