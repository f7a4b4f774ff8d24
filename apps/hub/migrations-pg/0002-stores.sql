-- The hub's other stores, as SQLite's migrations 0001-0013 leave them, in PostgreSQL's types:
-- epoch milliseconds are BIGINT, flags stay INTEGER 0/1 and JSON stays TEXT so one statement
-- reads the same on both engines (db/sql.ts); SQLite's AUTOINCREMENT is an identity column.

CREATE TABLE site (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  config TEXT NOT NULL
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
  position INTEGER NOT NULL,
  logo TEXT
);

CREATE TABLE services (
  id TEXT PRIMARY KEY,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  name TEXT NOT NULL,
  prefix TEXT NOT NULL UNIQUE,
  daily_quota INTEGER,
  hours TEXT,
  target_wait_minutes INTEGER NOT NULL,
  default_service_minutes INTEGER NOT NULL,
  priority_rule TEXT NOT NULL,
  standard TEXT NOT NULL,
  active INTEGER NOT NULL,
  position INTEGER NOT NULL,
  booking TEXT
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

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'officer')),
  agency_id TEXT REFERENCES agencies(id),
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('kiosk', 'display', 'integration')),
  token_hash TEXT NOT NULL UNIQUE,
  zone_ids TEXT NOT NULL,
  agency_ids TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT,
  settings TEXT NOT NULL DEFAULT '{}',
  last_seen_at BIGINT
);

CREATE TABLE device_alerts (
  id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices (id),
  kind TEXT NOT NULL CHECK (kind IN ('printer')),
  state TEXT NOT NULL,
  raised_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  cleared_at BIGINT
);
CREATE UNIQUE INDEX device_alerts_open ON device_alerts (device_id, kind) WHERE cleared_at IS NULL;
CREATE INDEX device_alerts_raised ON device_alerts (raised_at);

CREATE TABLE survey_responses (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL UNIQUE REFERENCES tickets(id),
  service_day TEXT NOT NULL,
  service_id TEXT NOT NULL REFERENCES services(id),
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  answered_at BIGINT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'kiosk', 'counter')),
  u1 INTEGER NOT NULL CHECK (u1 BETWEEN 1 AND 4),
  u2 INTEGER NOT NULL CHECK (u2 BETWEEN 1 AND 4),
  u3 INTEGER NOT NULL CHECK (u3 BETWEEN 1 AND 4),
  u4 INTEGER NOT NULL CHECK (u4 BETWEEN 1 AND 4),
  u5 INTEGER NOT NULL CHECK (u5 BETWEEN 1 AND 4),
  u6 INTEGER NOT NULL CHECK (u6 BETWEEN 1 AND 4),
  u7 INTEGER NOT NULL CHECK (u7 BETWEEN 1 AND 4),
  u8 INTEGER NOT NULL CHECK (u8 BETWEEN 1 AND 4),
  u9 INTEGER NOT NULL CHECK (u9 BETWEEN 1 AND 4),
  age_band TEXT,
  sex TEXT,
  education TEXT,
  job TEXT
);
CREATE INDEX survey_by_day ON survey_responses (service_day, agency_id);

CREATE TABLE feedback (
  id TEXT PRIMARY KEY,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  kind TEXT NOT NULL CHECK (kind IN ('complaint', 'suggestion', 'compliment')),
  message TEXT NOT NULL,
  ticket_id TEXT REFERENCES tickets(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX feedback_by_agency ON feedback (agency_id, created_at);

CREATE TABLE report_days (
  service_day TEXT PRIMARY KEY,
  aggregated_at BIGINT NOT NULL
);

CREATE TABLE report_stats (
  service_day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  counter_id TEXT NOT NULL,
  officer_id TEXT NOT NULL,
  issued INTEGER NOT NULL,
  served INTEGER NOT NULL,
  no_show INTEGER NOT NULL,
  cancelled INTEGER NOT NULL,
  expired INTEGER NOT NULL,
  voided INTEGER NOT NULL,
  transferred INTEGER NOT NULL,
  within_target INTEGER NOT NULL,
  wait_count INTEGER NOT NULL,
  wait_sum_ms BIGINT NOT NULL,
  wait_hist TEXT NOT NULL,
  service_count INTEGER NOT NULL,
  service_sum_ms BIGINT NOT NULL,
  service_hist TEXT NOT NULL,
  PRIMARY KEY (service_day, service_id, counter_id, officer_id)
);

CREATE TABLE report_arrivals (
  service_day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
  arrivals INTEGER NOT NULL,
  PRIMARY KEY (service_day, service_id, hour)
);

CREATE TABLE login_lockouts (
  username TEXT NOT NULL,
  address TEXT NOT NULL,
  failures INTEGER NOT NULL,
  first_failure_at BIGINT NOT NULL,
  locked_until BIGINT,
  locks INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (username, address)
);

CREATE TABLE pairing_requests (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('kiosk', 'display')),
  name TEXT,
  ip TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  seal_public_key TEXT NOT NULL,
  seal_private_key TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'delivered')),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  device_id TEXT REFERENCES devices(id),
  sealed_token TEXT
);
CREATE INDEX pairing_requests_by_code ON pairing_requests (code, status);

CREATE TABLE bookings (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  service_id TEXT NOT NULL,
  date TEXT NOT NULL,
  session_id TEXT NOT NULL,
  session_start BIGINT NOT NULL,
  session_end BIGINT NOT NULL,
  nik_hash TEXT,
  nik_last4 TEXT NOT NULL,
  name TEXT,
  phone TEXT,
  language TEXT NOT NULL DEFAULT 'id',
  status TEXT NOT NULL CHECK (status IN ('booked', 'checked_in', 'cancelled', 'no_show')),
  created_at BIGINT NOT NULL,
  ticket_id TEXT,
  cancel_reason TEXT,
  cancelled_at BIGINT,
  checked_in_at BIGINT,
  purged_at BIGINT
);
CREATE INDEX bookings_session ON bookings (service_id, date, session_id);
CREATE INDEX bookings_nik ON bookings (nik_hash);
CREATE INDEX bookings_status ON bookings (status, session_start);
CREATE INDEX bookings_ticket ON bookings (ticket_id);

CREATE TABLE site_secrets (
  name TEXT PRIMARY KEY,
  value BYTEA NOT NULL
);

CREATE TABLE notify_channels (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('whatsapp', 'http', 'webpush', 'log')),
  config TEXT NOT NULL,
  secrets TEXT NOT NULL DEFAULT '{}',
  updated_at BIGINT NOT NULL
);

CREATE TABLE notify_subscriptions (
  id TEXT PRIMARY KEY,
  ticket_id TEXT,
  booking_id TEXT,
  medium TEXT NOT NULL CHECK (medium IN ('phone', 'push')),
  address TEXT,
  language TEXT NOT NULL DEFAULT 'id',
  created_at BIGINT NOT NULL,
  purged_at BIGINT
);
CREATE INDEX notify_subscriptions_ticket ON notify_subscriptions (ticket_id);
CREATE INDEX notify_subscriptions_booking ON notify_subscriptions (booking_id);

CREATE TABLE notify_outbox (
  seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  recipient TEXT NOT NULL,
  message TEXT NOT NULL,
  params TEXT NOT NULL,
  language TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
  channel_id TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  last_error TEXT,
  answer TEXT,
  agency_id TEXT
);
CREATE INDEX notify_outbox_due ON notify_outbox (status, next_at);
CREATE INDEX notify_outbox_created ON notify_outbox (created_at);
CREATE INDEX notify_outbox_agency ON notify_outbox (agency_id, created_at);
CREATE INDEX notify_outbox_recipient ON notify_outbox (recipient, sent_at);

CREATE TABLE notify_texts (
  message TEXT NOT NULL,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (message, language)
);

CREATE TABLE alarms (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  key TEXT NOT NULL,
  kind TEXT NOT NULL,
  agency_id TEXT,
  subject_id TEXT NOT NULL,
  detail TEXT NOT NULL,
  since BIGINT NOT NULL,
  raised_at BIGINT NOT NULL,
  cleared_at BIGINT
);
CREATE UNIQUE INDEX alarms_open ON alarms (key) WHERE cleared_at IS NULL;
