-- Which due notice is claimed first (docs/adr/0041): urgent before routine, and the police before victims'
-- contacts, then the earliest due. A burst of routine notices (victims' codes, say) never holds back a police
-- alert while the senders are busy. Stored, so that the claim reads the index in this order.
ALTER TABLE notice
    ADD COLUMN claim_rank smallint GENERATED ALWAYS AS (
        CASE WHEN urgency = 'URGENT' THEN 0 ELSE 2 END + CASE WHEN recipient LIKE 'contact:%' THEN 1 ELSE 0 END
    ) STORED;

DROP INDEX notice_due;

CREATE INDEX notice_due ON notice (claim_rank, due_at) WHERE status = 'PENDING';
