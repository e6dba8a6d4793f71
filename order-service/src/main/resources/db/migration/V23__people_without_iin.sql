-- People without an IIN (issue 11, docs/adr/0035). An offender recorded by an identity document, or as
-- unidentified, is sealed with the rest of the offender (the document and the description go inside the
-- ciphertext). offender_iin_index keeps the person's key: the IIN's blind index, or until the person is linked
-- to an IIN the document's blind index (another HMAC domain), or random bytes for an unidentified person.
-- offender_document_index is the document's blind index, kept after a link, so the person check finds the
-- person by either.
ALTER TABLE protective_order
    ADD COLUMN offender_document_index bytea CHECK (octet_length(offender_document_index) = 32);
ALTER TABLE special_requirements
    ADD COLUMN offender_document_index bytea CHECK (octet_length(offender_document_index) = 32);
ALTER TABLE approach_ban
    ADD COLUMN offender_document_index bytea CHECK (octet_length(offender_document_index) = 32);

-- Only rows with a document are indexed: most offenders have an IIN.
CREATE INDEX protective_order_offender_document ON protective_order (offender_document_index)
    WHERE offender_document_index IS NOT NULL;
CREATE INDEX special_requirements_offender_document ON special_requirements (offender_document_index)
    WHERE offender_document_index IS NOT NULL;
CREATE INDEX approach_ban_offender_document ON approach_ban (offender_document_index)
    WHERE offender_document_index IS NOT NULL;
