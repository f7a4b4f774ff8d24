-- A kiosk or display opened for the first time asks to be paired; the admin approves its code.
CREATE TABLE pairing_requests (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL, -- 6 characters, without the dash
  role TEXT NOT NULL CHECK (role IN ('kiosk', 'display')),
  name TEXT,
  ip TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  -- The token waits here between approval and the device's next poll, encrypted to a key
  -- pair whose private half is locked with the device's secret (never stored): a copied
  -- database holds no usable token.
  seal_public_key TEXT NOT NULL,
  seal_private_key TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'delivered')),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  device_id TEXT REFERENCES devices(id),
  sealed_token TEXT -- erased once delivered
);
CREATE INDEX pairing_requests_by_code ON pairing_requests (code, status);

ALTER TABLE devices ADD COLUMN last_seen_at INTEGER;
