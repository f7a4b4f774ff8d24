-- Notifications and alarms (docs/notifications.md).

-- Channels the admin configured. `config` is the adapter's settings as JSON without secrets;
-- `secrets` (a token, secret header values) is JSON that is never exported, logged or shown.
CREATE TABLE notify_channels (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('whatsapp', 'http', 'webpush', 'log')),
  config TEXT NOT NULL,
  secrets TEXT NOT NULL DEFAULT '{}',
  updated_at INTEGER NOT NULL
);

-- A visitor's opt-in for one ticket or one booking (a booking's passes to its ticket at
-- check-in). `address` is the phone (628…) or the push subscription JSON; it is emptied after
-- the site's retention (purged_at), UU 27/2022.
CREATE TABLE notify_subscriptions (
  id TEXT PRIMARY KEY,
  ticket_id TEXT,
  booking_id TEXT,
  medium TEXT NOT NULL CHECK (medium IN ('phone', 'push')),
  address TEXT,
  language TEXT NOT NULL DEFAULT 'id',
  created_at INTEGER NOT NULL,
  purged_at INTEGER
);
CREATE INDEX notify_subscriptions_ticket ON notify_subscriptions (ticket_id);
CREATE INDEX notify_subscriptions_booking ON notify_subscriptions (booking_id);

-- The outbox: written in the same transaction as the change that causes a message. `key` is
-- the message's idempotency key: one row per message ever, so nothing is sent twice.
-- `recipient` names who gets it: 'sub:<id>', 'staff:<agency or *>', or 'test:<phone>'.
CREATE TABLE notify_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  recipient TEXT NOT NULL,
  message TEXT NOT NULL,
  params TEXT NOT NULL,
  language TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
  channel_id TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  last_error TEXT,
  answer TEXT
);
CREATE INDEX notify_outbox_due ON notify_outbox (status, next_at);
CREATE INDEX notify_outbox_created ON notify_outbox (created_at);

-- Texts the admin changed; the catalogue's defaults stand for the rest.
CREATE TABLE notify_texts (
  message TEXT NOT NULL,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (message, language)
);

-- Alarms for staff: raised when a cause appears, cleared when it ends. One open row per key.
CREATE TABLE alarms (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL,
  kind TEXT NOT NULL,
  agency_id TEXT,
  subject_id TEXT NOT NULL,
  detail TEXT NOT NULL,
  since INTEGER NOT NULL,
  raised_at INTEGER NOT NULL,
  cleared_at INTEGER
);
CREATE UNIQUE INDEX alarms_open ON alarms (key) WHERE cleared_at IS NULL;
