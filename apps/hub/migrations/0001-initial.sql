-- The building: configuration the admin edits.
CREATE TABLE site (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  config TEXT NOT NULL -- JSON, validated by SiteSchema
);

CREATE TABLE zones (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  position INTEGER NOT NULL
);

CREATE TABLE agencies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  short_name TEXT NOT NULL,
  contact TEXT,
  position INTEGER NOT NULL
);

CREATE TABLE services (
  id TEXT PRIMARY KEY,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  name TEXT NOT NULL,
  prefix TEXT NOT NULL UNIQUE,
  daily_quota INTEGER,
  hours TEXT, -- JSON WeeklyHours, NULL = the site's
  target_wait_minutes INTEGER NOT NULL,
  default_service_minutes INTEGER NOT NULL,
  priority_rule TEXT NOT NULL, -- JSON PriorityRule
  standard TEXT NOT NULL, -- JSON ServiceStandard
  active INTEGER NOT NULL,
  position INTEGER NOT NULL
);

CREATE TABLE counters (
  id TEXT PRIMARY KEY,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  zone_id TEXT NOT NULL REFERENCES zones(id),
  name TEXT NOT NULL,
  number INTEGER NOT NULL UNIQUE,
  selection TEXT NOT NULL CHECK (selection IN ('order', 'weight'))
);

CREATE TABLE counter_services (
  counter_id TEXT NOT NULL REFERENCES counters(id) ON DELETE CASCADE,
  service_id TEXT NOT NULL REFERENCES services(id),
  position INTEGER NOT NULL,
  weight INTEGER NOT NULL,
  PRIMARY KEY (counter_id, service_id)
);

-- People and devices.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'officer')),
  agency_id TEXT REFERENCES agencies(id),
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('kiosk', 'display', 'integration')),
  token_hash TEXT NOT NULL UNIQUE,
  zone_ids TEXT NOT NULL, -- JSON string[]
  agency_ids TEXT NOT NULL, -- JSON string[], empty = all
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);

-- The queue. Numbers are unique per origin service and service day, whatever happens.
CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  service_day TEXT NOT NULL,
  origin_service_id TEXT NOT NULL REFERENCES services(id),
  service_id TEXT NOT NULL REFERENCES services(id),
  number INTEGER NOT NULL,
  label TEXT NOT NULL,
  priority TEXT,
  status TEXT NOT NULL,
  channel TEXT NOT NULL,
  issued_at INTEGER NOT NULL,
  sort_key INTEGER NOT NULL,
  called_at INTEGER,
  serving_at INTEGER,
  finished_at INTEGER,
  counter_id TEXT,
  officer_id TEXT,
  recall_count INTEGER NOT NULL,
  no_show_at INTEGER,
  park_reason TEXT,
  transfer_note TEXT,
  transferred_from_service_id TEXT,
  void_reason TEXT,
  UNIQUE (origin_service_id, service_day, number)
);
CREATE INDEX tickets_by_day ON tickets (service_day, status);

CREATE TABLE ticket_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  at INTEGER NOT NULL,
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

CREATE TABLE service_days (
  service_id TEXT NOT NULL REFERENCES services(id),
  service_day TEXT NOT NULL,
  last_number INTEGER NOT NULL,
  regular_streak INTEGER,
  PRIMARY KEY (service_id, service_day)
);

CREATE TABLE counter_states (
  counter_id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('closed', 'open', 'paused')),
  pause_reason TEXT,
  ticket_id TEXT UNIQUE, -- one ticket is held by at most one counter
  officer_id TEXT,
  since INTEGER NOT NULL
);

-- A retried command gets the first answer.
CREATE TABLE commands (
  actor TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  result TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (actor, id)
);

CREATE TABLE hub_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
