-- Restore from a backup (docs/adr/0032): the listener goes on from the trail's last record of each partition,
-- not from the group's committed offset, and the reconciliation reads the trail per partition.
CREATE INDEX audit_entry_by_record ON audit_entry (topic, kafka_partition, kafka_offset);
