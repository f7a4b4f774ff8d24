-- Reports read closed service days from these aggregates instead of every ticket: a year at
-- 5,000 tickets a day must answer within a second. A day is aggregated once it is over.
CREATE TABLE report_days (
  service_day TEXT PRIMARY KEY,
  aggregated_at INTEGER NOT NULL
);

-- One row per service day, service, counter and officer ('' when none: never called).
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
  wait_sum_ms INTEGER NOT NULL,
  wait_hist TEXT NOT NULL, -- minute histogram, see packages/domain duration-stats
  service_count INTEGER NOT NULL,
  service_sum_ms INTEGER NOT NULL,
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
