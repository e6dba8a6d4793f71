-- The delivery engine (docs/adr/0022): the listener only records notices; workers on every instance claim
-- due notices with FOR UPDATE SKIP LOCKED and a lease, send them outside any transaction, and retry with
-- back-off until the notice's deadline.

ALTER TABLE notice
    -- What the notice is about: the causing event's type, its place in the order's sequence at order-service
    -- (subjectseq, which keeps one order's notices to one recipient in order) and its time (the start of the
    -- commit-to-handed latency).
    ADD COLUMN event_type     varchar(100),
    ADD COLUMN event_sequence bigint       NOT NULL DEFAULT 0,
    ADD COLUMN event_time     timestamptz,
    -- The order's district: where a supervisor is found when the notice is given up.
    ADD COLUMN district       varchar(64),
    ADD COLUMN urgency        varchar(16)  NOT NULL DEFAULT 'URGENT',
    -- The rendered notice: an e-mail's subject and text, or a webhook's JSON document. Police-facing, no
    -- victim data. NULL only on notices recorded before V3: the redelivered event fills it in.
    ADD COLUMN subject        varchar(512),
    ADD COLUMN body           text,
    -- Scheduling: the next attempt is due at due_at; after deadline_at the notice is FAILED.
    ADD COLUMN due_at         timestamptz,
    ADD COLUMN deadline_at    timestamptz,
    -- A worker's claim: its token fences the outcome; after claimed_until another worker may take it.
    ADD COLUMN claim_token    uuid,
    ADD COLUMN claimed_until  timestamptz,
    -- The causing event's W3C trace context, carried to the outcome events.
    ADD COLUMN traceparent    varchar(55),
    ADD COLUMN tracestate     varchar(512),
    -- A supervisor's notice: the notice whose failure it reports.
    ADD COLUMN reports_notice uuid REFERENCES notice (id);

UPDATE notice SET due_at = created_at, deadline_at = created_at + interval '12 hours' WHERE due_at IS NULL;

ALTER TABLE notice
    ALTER COLUMN due_at SET NOT NULL,
    ALTER COLUMN due_at SET DEFAULT now(),
    ALTER COLUMN deadline_at SET NOT NULL,
    ALTER COLUMN deadline_at SET DEFAULT now() + interval '12 hours',
    DROP CONSTRAINT notice_status_known,
    -- SUPERSEDED: made untrue by a later event of the order before it was sent (issue 13's stale notices).
    ADD CONSTRAINT notice_status_known CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SUPERSEDED')),
    ADD CONSTRAINT notice_urgency_known CHECK (urgency IN ('URGENT', 'ROUTINE'));

DROP INDEX notice_pending;
-- The workers' claim: PENDING notices by due time.
CREATE INDEX notice_due ON notice (due_at) WHERE status = 'PENDING';
-- One recipient's queue of an order's notices: a later one waits while an earlier one is PENDING.
CREATE INDEX notice_queue ON notice (order_id, recipient, channel, event_sequence) WHERE status = 'PENDING';
