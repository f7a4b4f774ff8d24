-- SKM answers (PermenPANRB 14/2017): one per served ticket, anonymous. The ticket id only
-- enforces "one answer per ticket"; no name, phone or NIK is ever stored with it.
CREATE TABLE survey_responses (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL UNIQUE REFERENCES tickets(id),
  service_day TEXT NOT NULL,
  service_id TEXT NOT NULL REFERENCES services(id),
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  answered_at INTEGER NOT NULL,
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

-- Complaints and suggestions from the public, routed to the agency they are about.
CREATE TABLE feedback (
  id TEXT PRIMARY KEY,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  kind TEXT NOT NULL CHECK (kind IN ('complaint', 'suggestion', 'compliment')),
  message TEXT NOT NULL,
  ticket_id TEXT REFERENCES tickets(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX feedback_by_agency ON feedback (agency_id, created_at);
