-- Who changed the configuration, what and when; queue actions stay in ticket_events.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor_user_id TEXT,
  actor_device_id TEXT,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT NOT NULL -- JSON: what changed, and the request's address
);
CREATE INDEX audit_log_by_at ON audit_log (at);

-- The audit view merges queue actions by time.
CREATE INDEX ticket_events_by_at ON ticket_events (at);

-- Failed sign-ins per username: five within 15 minutes lock the name for 15 minutes.
CREATE TABLE login_lockouts (
  username TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  first_failure_at INTEGER NOT NULL,
  locked_until INTEGER
);
