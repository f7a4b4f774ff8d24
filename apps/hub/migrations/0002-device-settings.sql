-- Per-device settings (a kiosk's printer, a display's layout), validated per role by the hub.
ALTER TABLE devices ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
