-- Failed sign-ins are counted per name and per address: a stranger's wrong guesses lock the
-- name only for the stranger's own address. `locks` counts how often this pair was locked,
-- so each lock lasts twice as long as the one before. Locks already counted are dropped.
DROP TABLE login_lockouts;
CREATE TABLE login_lockouts (
  username TEXT NOT NULL,
  address TEXT NOT NULL,
  failures INTEGER NOT NULL,
  first_failure_at INTEGER NOT NULL,
  locked_until INTEGER,
  locks INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (username, address)
);
