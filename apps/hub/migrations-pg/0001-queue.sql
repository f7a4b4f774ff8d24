-- The queue of one building, in that building's schema (see docs/architecture.md, "Two
-- engines"). The same tables and constraints as SQLite's 0001/0006; times stay epoch
-- milliseconds (BIGINT) so both engines hold the same values. The references to the
-- catalogue (services) come with the building's tables.

-- Numbers are unique per origin service and service day, whatever happens.
CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  service_day TEXT NOT NULL,
  origin_service_id TEXT NOT NULL,
  service_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  label TEXT NOT NULL,
  priority TEXT,
  status TEXT NOT NULL,
  channel TEXT NOT NULL,
  issued_at BIGINT NOT NULL,
  sort_key BIGINT NOT NULL,
  called_at BIGINT,
  serving_at BIGINT,
  finished_at BIGINT,
  counter_id TEXT,
  officer_id TEXT,
  recall_count INTEGER NOT NULL,
  no_show_at BIGINT,
  park_reason TEXT,
  transfer_note TEXT,
  transferred_from_service_id TEXT,
  void_reason TEXT,
  UNIQUE (origin_service_id, service_day, number)
);
CREATE INDEX tickets_by_day ON tickets (service_day, status);

CREATE TABLE ticket_events (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type TEXT NOT NULL,
  at BIGINT NOT NULL,
  service_day TEXT NOT NULL,
  ticket_id TEXT REFERENCES tickets(id),
  counter_id TEXT,
  service_id TEXT,
  actor_user_id TEXT,
  actor_device_id TEXT,
  data TEXT NOT NULL
);
CREATE INDEX ticket_events_by_day ON ticket_events (service_day, type);
CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id);
CREATE INDEX ticket_events_by_at ON ticket_events (at);

CREATE TABLE service_days (
  service_id TEXT NOT NULL,
  service_day TEXT NOT NULL,
  last_number INTEGER NOT NULL,
  regular_streak INTEGER,
  PRIMARY KEY (service_id, service_day)
);

CREATE TABLE counter_states (
  counter_id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('closed', 'open', 'paused')),
  pause_reason TEXT,
  -- One ticket is held by at most one counter, checked at commit: within a batch one counter
  -- may take a ticket another lets go of (PostgreSQL checks a plain UNIQUE row by row).
  ticket_id TEXT UNIQUE DEFERRABLE INITIALLY DEFERRED,
  officer_id TEXT,
  since BIGINT NOT NULL
);

-- A retried command gets the first answer.
CREATE TABLE commands (
  actor TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  result TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (actor, id)
);

CREATE TABLE hub_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Who changed what and when; queue actions stay in ticket_events.
CREATE TABLE audit_log (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at BIGINT NOT NULL,
  actor_user_id TEXT,
  actor_device_id TEXT,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT NOT NULL
);
CREATE INDEX audit_log_by_at ON audit_log (at);
