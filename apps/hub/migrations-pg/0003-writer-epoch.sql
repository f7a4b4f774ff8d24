-- Which lease epoch wrote each queue event and command: fence() (cluster/lease.ts) sets
-- antre.epoch for its transaction, and these defaults read it, so a row written by a process
-- whose lease had been taken over would show it (the failover trials count them: none may be).
ALTER TABLE ticket_events
  ADD COLUMN epoch BIGINT DEFAULT (NULLIF(current_setting('antre.epoch', true), ''))::bigint;
ALTER TABLE commands
  ADD COLUMN epoch BIGINT DEFAULT (NULLIF(current_setting('antre.epoch', true), ''))::bigint;
