-- Device alerts: a kiosk whose printer cannot print (paper out, cover open, offline, no answer).
-- At most one open alert per device and kind; clearing it keeps the row as history.
CREATE TABLE device_alerts (
  id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices (id),
  kind TEXT NOT NULL CHECK (kind IN ('printer')),
  state TEXT NOT NULL,
  raised_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  cleared_at INTEGER
);
CREATE UNIQUE INDEX device_alerts_open ON device_alerts (device_id, kind) WHERE cleared_at IS NULL;
CREATE INDEX device_alerts_raised ON device_alerts (raised_at);
