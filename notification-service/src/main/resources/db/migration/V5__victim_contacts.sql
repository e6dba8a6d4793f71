-- notification-service's delivery copy of each victim contact (docs/adr/0030), from the sealed contacts of
-- OrderIssued and OrderAmended. order-service stays the system of record.
CREATE TABLE victim_contact (
    id              uuid         PRIMARY KEY,
    order_id        uuid         NOT NULL,
    -- The event that brought it and its place in the victim's list (most preferred first).
    event_id        uuid         NOT NULL,
    position        integer      NOT NULL,
    district        varchar(64)  NOT NULL,
    channel         varchar(16)  NOT NULL,
    language        varchar(2)   NOT NULL,
    quiet_from      time,
    quiet_until     time,
    -- The address, AES-256-GCM under this service's own ring, bound to the row's id (a SealedField as jsonb).
    address_sealed  jsonb        NOT NULL,
    -- The one-time code, sealed likewise; NULL once verified, locked or opted out.
    code_sealed     jsonb,
    code_expires_at timestamptz,
    -- HMAC-SHA256 of the E.164 phone under the blind index key: an inbound reply finds its contacts by it.
    phone_index     bytea,
    state           varchar(16)  NOT NULL,
    wrong_codes     integer      NOT NULL DEFAULT 0,
    created_at      timestamptz  NOT NULL,
    verified_at     timestamptz,
    opted_out_at    timestamptz,
    opted_out_via   varchar(16),
    -- Set when the order ends (revoked, voided, expired) or the contact is replaced; the row is deleted then.
    delete_after    timestamptz,
    CONSTRAINT victim_contact_once_per_event UNIQUE (event_id, position),
    CONSTRAINT victim_contact_channel_known CHECK (channel IN ('SMS', 'EMAIL')),
    CONSTRAINT victim_contact_language_known CHECK (language IN ('kk', 'ru', 'en')),
    CONSTRAINT victim_contact_state_known
        CHECK (state IN ('NOT_OPTED_IN', 'UNVERIFIED', 'VERIFIED', 'LOCKED', 'OPTED_OUT', 'REPLACED')),
    CONSTRAINT victim_contact_wrong_codes_not_negative CHECK (wrong_codes >= 0),
    CONSTRAINT victim_contact_sealed_shape CHECK (address_sealed ? 'ciphertext' AND address_sealed ? 'keyId'),
    CONSTRAINT victim_contact_phone_index_is_hmac CHECK (phone_index IS NULL OR octet_length(phone_index) = 32),
    CONSTRAINT victim_contact_verified_has_time CHECK (state <> 'VERIFIED' OR verified_at IS NOT NULL),
    CONSTRAINT victim_contact_opted_out_has_time CHECK (state <> 'OPTED_OUT' OR opted_out_at IS NOT NULL)
);

CREATE INDEX victim_contact_by_order ON victim_contact (order_id);
CREATE INDEX victim_contact_by_phone ON victim_contact (phone_index) WHERE phone_index IS NOT NULL;
CREATE INDEX victim_contact_deletable ON victim_contact (delete_after) WHERE delete_after IS NOT NULL;
