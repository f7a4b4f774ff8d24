-- The worker asks, before every send, how many messages one recipient was sent in the last
-- hour (the per-recipient limit): by index, not by reading the whole day's outbox.
CREATE INDEX notify_outbox_recipient ON notify_outbox (recipient, sent_at);
