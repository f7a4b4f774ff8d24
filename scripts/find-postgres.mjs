// The PostgreSQL tests start a server of their own (apps/hub/src/testing/pg-cluster.ts) from the
// programs the machine has; like Chromium, nothing is downloaded.
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { installWithApt } from './apt-install.mjs';

const exe = process.platform === 'win32' ? '.exe' : '';

/** The folder holding initdb and pg_ctl: ANTRE_PG_BIN, Debian's newest, then PATH. */
export function findPostgres() {
  const given = process.env.ANTRE_PG_BIN;
  if (given) return existsSync(join(given, `initdb${exe}`)) ? given : null;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const newest = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v) && existsSync(join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a))[0];
    if (newest) return join(debian, newest, 'bin');
  }
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return dirs.find((dir) => existsSync(join(dir, `initdb${exe}`))) ?? null;
}

/** The folder of PostgreSQL's programs, installing them where that is safe, or a clear stop. */
export function ensurePostgres() {
  const asked = process.env.ANTRE_PG_BIN;
  const found =
    findPostgres() ??
    (!asked && installWithApt('postgresql', 'PostgreSQL') ? findPostgres() : null);
  if (found) return found;
  console.error(
    [
      asked
        ? `ANTRE_PG_BIN is set to ${asked}, but there is no initdb there.`
        : 'The PostgreSQL tests need PostgreSQL (initdb, pg_ctl), and none was found.',
      'Install it (Debian/Ubuntu: sudo apt-get install postgresql; macOS: brew install postgresql),',
      'or point ANTRE_PG_BIN at the folder holding initdb, then run npm test again.',
    ].join('\n'),
  );
  process.exit(1);
}
