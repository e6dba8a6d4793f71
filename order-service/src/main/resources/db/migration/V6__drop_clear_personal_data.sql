-- After V5 encrypted every row: no clear personal data column is left, every row must be encrypted,
-- and the blind indexes are searchable (docs/adr/0009-personal-data-at-rest.md).
ALTER TABLE protective_order
    DROP COLUMN offender,
    DROP COLUMN victim,
    ALTER COLUMN offender_sealed SET NOT NULL,
    ALTER COLUMN victim_sealed SET NOT NULL,
    ALTER COLUMN offender_iin_index SET NOT NULL,
    ALTER COLUMN victim_iin_index SET NOT NULL,
    ADD CONSTRAINT protective_order_offender_sealed_shape
        CHECK (jsonb_typeof(offender_sealed) = 'object' AND offender_sealed ?& ARRAY['keyId', 'nonce', 'ciphertext']),
    ADD CONSTRAINT protective_order_victim_sealed_shape
        CHECK (jsonb_typeof(victim_sealed) = 'object' AND victim_sealed ?& ARRAY['keyId', 'nonce', 'ciphertext']),
    ADD CONSTRAINT protective_order_offender_iin_index_length CHECK (octet_length(offender_iin_index) = 32),
    ADD CONSTRAINT protective_order_victim_iin_index_length CHECK (octet_length(victim_iin_index) = 32);

-- The person check looks a person up as offender or as victim (OR of the two: a BitmapOr of both).
CREATE INDEX protective_order_offender_iin ON protective_order (offender_iin_index);
CREATE INDEX protective_order_victim_iin ON protective_order (victim_iin_index);
