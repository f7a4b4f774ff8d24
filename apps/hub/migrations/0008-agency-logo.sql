-- An agency's logo as a data URL (PNG, JPEG or WebP, at most 200 KB), validated by LogoSchema.
-- The site's logo lives in the site's JSON config.
ALTER TABLE agencies ADD COLUMN logo TEXT;
