-- The regional overview's own tables, in its own schema (antre_region): the regional admins,
-- their sessions and failed sign-ins. The buildings' schemas are only ever read
-- (apps/hub/src/region). Tokens are kept hashed, as a building's are.

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
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

-- The same shape as a building's, so the building's lockout store keeps it (auth/login-lockout.ts).
CREATE TABLE login_lockouts (
  username TEXT NOT NULL,
  address TEXT NOT NULL,
  failures INTEGER NOT NULL,
  first_failure_at BIGINT NOT NULL,
  locked_until BIGINT,
  locks INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (username, address)
);
