-- Each order's current risk level (issue 11, docs/adr/0039), kept from OrderIssued's riskLevel and every
-- RiskLevelChanged in the transaction that records the event's notices; the event's sequence decides, so a
-- replayed older event never overwrites a newer level. The acknowledgement ladder escalates an urgent notice of an
-- order at a configured level sooner.
CREATE TABLE order_risk (
    order_id      uuid        PRIMARY KEY,
    risk_level    varchar(16) NOT NULL,
    risk_sequence bigint      NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT order_risk_level_known CHECK (risk_level IN ('LOW', 'MEDIUM', 'HIGH', 'EXTREME'))
);
