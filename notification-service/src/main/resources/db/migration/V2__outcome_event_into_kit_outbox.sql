-- notification-service's outcome events moved onto the service kit's outbox (docs/adr/0018-kit-outbox-and-leader.md):
-- kit_outbox comes from the kit's own migrations, which run before this one. Every row of outcome_event moves
-- over in creation order with its state, so no outcome that was not yet published is lost: the kit's relay
-- publishes it under the same CloudEvents id and subjectseq. Published rows stay for operators until the kit's
-- housekeeping deletes them. outcome_sequence stays: it still numbers each order's outcomes.
INSERT INTO kit_outbox (event_id, event_type, event_source, event_time, subject, sequence, traceparent, tracestate,
    data, created_at, published_at)
SELECT id, type, 'urn:qorgau:service:notification-service', occurred_at, order_id::text, sequence,
    -- kit_outbox needs a trace: an outcome recorded without one starts its own (random ids, sampled).
    coalesce(traceparent, '00-' || md5(random()::text) || '-' || substr(md5(random()::text), 1, 16) || '-01'),
    CASE WHEN traceparent IS NULL THEN NULL ELSE tracestate END,
    payload::text::json, created_at, published_at
  FROM outcome_event
 ORDER BY created_at, order_id, sequence;

DROP TABLE outcome_event;
