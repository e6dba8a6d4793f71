-- Issue 13's second slice (docs/adr/0024): the order's latest known state, against which a notice is checked
-- before each attempt, and the acknowledgement, re-sends and escalation of police notices.

-- The latest status of each order as far as this service has heard, written in the transaction that records the
-- event's notices. status_sequence is the subjectseq of the event that set it: an older event (a parked one
-- replayed late) never overwrites a newer status.
CREATE TABLE order_state (
    order_id        uuid        PRIMARY KEY,
    status          varchar(16) NOT NULL,
    status_sequence bigint      NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT order_state_status_known CHECK (status IN ('ISSUED', 'IN_FORCE', 'REVOKED', 'VOIDED', 'EXPIRED'))
);

ALTER TABLE notice
    -- When the recipient acknowledged it through its signed link, and the channel whose notice carried the link.
    ADD COLUMN acknowledged_at  timestamptz,
    ADD COLUMN acknowledged_via varchar(16),
    -- How often an unacknowledged urgent notice was sent again (the ladder).
    ADD COLUMN resends          integer NOT NULL DEFAULT 0,
    -- When it was escalated to the district's supervisor, unacknowledged.
    ADD COLUMN escalated_at     timestamptz,
    ADD CONSTRAINT notice_resends_not_negative CHECK (resends >= 0),
    ADD CONSTRAINT notice_acknowledged_has_channel CHECK ((acknowledged_at IS NULL) = (acknowledged_via IS NULL));

-- The ladder's scan: urgent police notices nobody has acknowledged yet.
CREATE INDEX notice_unacknowledged ON notice (created_at)
    WHERE urgency = 'URGENT' AND acknowledged_at IS NULL AND reports_notice IS NULL AND status IN ('PENDING', 'SENT');
