-- The agency a message concerns, for the reports' scope (a supervisor counts their agency's
-- messages). Stamped when the row is written: a visitor may opt out (their subscription row
-- goes) or be transferred to another agency later, and the count must not move with them.
-- NULL: a building-wide alarm or a test send.
ALTER TABLE notify_outbox ADD COLUMN agency_id TEXT;

-- Rows written before this column: the best that is still known.
UPDATE notify_outbox SET agency_id = CASE
  WHEN recipient LIKE 'sub:%' THEN (
    SELECT s.agency_id FROM notify_subscriptions n
    LEFT JOIN tickets t ON t.id = n.ticket_id
    LEFT JOIN bookings b ON b.id = n.booking_id
    JOIN services s ON s.id = COALESCE(t.service_id, b.service_id)
    WHERE n.id = substr(notify_outbox.recipient, 5))
  WHEN recipient LIKE 'booking:%' THEN (
    SELECT s.agency_id FROM bookings b JOIN services s ON s.id = b.service_id
    WHERE b.id = substr(notify_outbox.recipient, 9))
  WHEN key LIKE 'alarm:%' THEN (
    SELECT agency_id FROM alarms
    WHERE id = CAST(substr(notify_outbox.key, 7, instr(substr(notify_outbox.key, 7), ':') - 1) AS INTEGER))
END;

CREATE INDEX notify_outbox_agency ON notify_outbox (agency_id, created_at);
