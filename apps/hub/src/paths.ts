import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the hub finds what it ships with. Every path starts from this module's folder, one
 * level under apps/hub: apps/hub/src when run from source, apps/hub/dist when run from the
 * bundle `npm start` builds (scripts/build-hub.mjs), so both find the same files.
 */
const HUB_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO_DIR = join(HUB_DIR, '..', '..');

export const MIGRATIONS_DIR = join(HUB_DIR, 'migrations');
/** Each web app is built into <APPS_DIR>/<name>/dist. */
export const APPS_DIR = join(REPO_DIR, 'apps');
export const RESOURCES_DIR = join(REPO_DIR, 'resources');
/** PostgreSQL's migrations: the same forward-only rule, applied to each building's schema. */
export const PG_MIGRATIONS_DIR = join(HUB_DIR, 'migrations-pg');
/** The regional overview's own schema (antre_region), forward only too. */
export const REGION_MIGRATIONS_DIR = join(HUB_DIR, 'migrations-region');
