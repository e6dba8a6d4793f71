-- Protective orders. Personal data (offender, victim) live in their own jsonb columns, apart from
-- everything else, so that a later migration can encrypt them at rest without touching the rest.

-- Feeds the human-facing order number PO-<district>-<yyyy>-<nnnnnn>; gaps are harmless.
CREATE SEQUENCE protective_order_number_seq AS bigint START WITH 1;

CREATE TABLE protective_order (
    id                  uuid         PRIMARY KEY,
    order_number        varchar(64)  NOT NULL,
    status              varchar(16)  NOT NULL,
    district            varchar(32)  NOT NULL,
    police_unit         varchar(64)  NOT NULL,
    issued_by           varchar(64)  NOT NULL,
    prohibitions        jsonb        NOT NULL,
    legal_basis_law     varchar(64)  NOT NULL,
    legal_basis_article varchar(64)  NOT NULL,
    legal_basis_version varchar(64)  NOT NULL,
    issued_at           timestamptz  NOT NULL,
    valid_until         timestamptz,
    -- Personal data: {iin, lastName, firstName, patronymic} and the same plus contacts.
    offender            jsonb        NOT NULL,
    victim              jsonb        NOT NULL,
    -- Sequence number of the order's latest event. A new event takes the next number with
    -- UPDATE ... RETURNING, which holds the row lock until commit: so one order's events commit in
    -- sequence order and the relay can publish them in that order.
    last_event_sequence integer      NOT NULL CHECK (last_event_sequence >= 1),
    CONSTRAINT protective_order_number_unique UNIQUE (order_number),
    CONSTRAINT protective_order_status_known CHECK (status IN ('ISSUED')),
    CONSTRAINT protective_order_prohibitions_array CHECK (jsonb_typeof(prohibitions) = 'array'),
    CONSTRAINT protective_order_valid_after_issue CHECK (valid_until IS NULL OR valid_until > issued_at)
);
