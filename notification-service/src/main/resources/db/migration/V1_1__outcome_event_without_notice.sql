-- An operator's parking action (ParkingActionTaken, docs/adr/0019) is published through the same
-- outbox as the notices' outcomes, but reports no notice.
ALTER TABLE outcome_event ALTER COLUMN notice_id DROP NOT NULL;
