-- The outbox moved into the service kit (docs/adr/0018-kit-outbox-and-leader.md): its table kit_outbox comes
-- from the kit's own migrations, which run before this one. Every row moves over, in insertion order, with
-- its state: unpublished rows (and their attempts and backoff) are published by the kit's relay, none lost;
-- published rows stay for operators until the kit's housekeeping deletes them after their retention.
INSERT INTO kit_outbox (event_id, event_type, event_source, event_time, subject, sequence, traceparent, tracestate,
    data, created_at, published_at, kafka_partition, kafka_offset, attempts, last_error, next_attempt_at)
SELECT event_id, event_type, event_source, event_time, subject, sequence, traceparent, tracestate,
    data, created_at, published_at, kafka_partition, kafka_offset, attempts, last_error, next_attempt_at
  FROM outbox
 ORDER BY position;

DROP TABLE outbox;
