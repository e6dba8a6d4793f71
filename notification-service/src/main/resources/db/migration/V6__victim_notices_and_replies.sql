-- Victims' notices and replies (docs/adr/0036). The order's number and issuing unit, kept with each contact
-- from OrderIssued and OrderAmended, so a notice names the order and a HELP names the unit to call; neither is
-- personal data. NULL for contacts recorded before this version (their notices say "-").
ALTER TABLE victim_contact ADD COLUMN order_number varchar(64);
ALTER TABLE victim_contact ADD COLUMN police_unit varchar(64);

-- Inbound SMS webhooks already taken: a signature or a gateway's message id seen again within the timestamp
-- window is a replay and is refused. Rows older than the window are deleted as new ones arrive.
CREATE TABLE inbound_reply_seen (
    fingerprint varchar(128) PRIMARY KEY,
    seen_at     timestamptz  NOT NULL
);

CREATE INDEX inbound_reply_seen_by_time ON inbound_reply_seen (seen_at);
