-- Antrean online. A service's booking settings are JSON with the service (null: no bookings);
-- the site's booking policy lives in the site's JSON config.
ALTER TABLE services ADD COLUMN booking TEXT;

-- One row per booking (no foreign key to services: a removed service's bookings are kept,
-- cancelled). The NIK is never stored: only its HMAC-SHA256 under the site's secret
-- (site_secrets) and its last four digits. Name, phone and the hash are emptied after the
-- policy's retention (purged_at), the rest is kept for reports.
CREATE TABLE bookings (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  service_id TEXT NOT NULL,
  date TEXT NOT NULL,
  session_id TEXT NOT NULL,
  session_start INTEGER NOT NULL,
  session_end INTEGER NOT NULL,
  nik_hash TEXT,
  nik_last4 TEXT NOT NULL,
  name TEXT,
  phone TEXT,
  language TEXT NOT NULL DEFAULT 'id',
  status TEXT NOT NULL CHECK (status IN ('booked', 'checked_in', 'cancelled', 'no_show')),
  created_at INTEGER NOT NULL,
  ticket_id TEXT,
  cancel_reason TEXT,
  cancelled_at INTEGER,
  checked_in_at INTEGER,
  purged_at INTEGER
);
CREATE INDEX bookings_session ON bookings (service_id, date, session_id);
CREATE INDEX bookings_nik ON bookings (nik_hash);
CREATE INDEX bookings_status ON bookings (status, session_start);

-- Secrets made by this hub at first start (crypto.randomBytes), never exported.
CREATE TABLE site_secrets (
  name TEXT PRIMARY KEY,
  value BLOB NOT NULL
);
