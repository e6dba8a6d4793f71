-- Victims and protected persons without an IIN (issue 11, docs/adr/0035 and 0037). A victim recorded by an
-- identity document is sealed with the rest of the victim (the document goes inside the ciphertext), as
-- protected persons are. victim_iin_index keeps the victim's key: the IIN's blind index, or without an IIN the
-- document's blind index (another HMAC domain, so the two never meet); victim_document_index is the document's
-- blind index, so the person check finds a protected victim by document.
ALTER TABLE protective_order
    ADD COLUMN victim_document_index bytea CHECK (octet_length(victim_document_index) = 32);

-- Only rows with a document are indexed: most victims have an IIN.
CREATE INDEX protective_order_victim_document ON protective_order (victim_document_index)
    WHERE victim_document_index IS NOT NULL;

-- The other protected persons of an order (minor or incapable family members), found by the person check
-- through the blind index of their IIN or of their document; replaced with them on an amendment. Persons
-- named by name and birth date only have no row: no index can find them.
CREATE TABLE protected_person_index (
    order_id     uuid  NOT NULL REFERENCES protective_order (id) ON DELETE CASCADE,
    person_index bytea NOT NULL CHECK (octet_length(person_index) = 32),
    PRIMARY KEY (order_id, person_index)
);

CREATE INDEX protected_person_index_person ON protected_person_index (person_index);
