-- Personal data at rest (docs/adr/0009-personal-data-at-rest.md). Offender and victim (names, IINs,
-- contacts) move from clear jsonb into AES-256-GCM ciphertexts, with a keyed HMAC-SHA256 blind index of
-- each IIN beside them. This step only adds the columns; V5 (Java, PersonalDataAtRestMigration)
-- encrypts rows written before it, V6 drops the clear columns, V7 rewrites the table.
ALTER TABLE protective_order
    -- SealedField as JSON: {"keyId", "algorithm", "nonce", "ciphertext"}; the plaintext is the person
    -- as JSON, and the associated data binds it to this row's id and this column.
    ADD COLUMN offender_sealed    jsonb,
    ADD COLUMN victim_sealed      jsonb,
    -- HMAC-SHA256(blind-index key, IIN): finds a person's orders without storing the IIN in clear.
    ADD COLUMN offender_iin_index bytea,
    ADD COLUMN victim_iin_index   bytea,
    ALTER COLUMN offender DROP NOT NULL,
    ALTER COLUMN victim DROP NOT NULL;
