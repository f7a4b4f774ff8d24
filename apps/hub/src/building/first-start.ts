import type { Building } from '@antre/domain';
import { BuildingSchema } from '@antre/protocol';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthStore } from '../auth/auth-store';
import { generatePassword, hashPassword } from '../auth/passwords';
import type { Sql, SqlRunner } from '../db/sql';
import { RESOURCES_DIR } from '../paths';
import { hasBuilding, writeBuilding } from './building-store';

export const DEMO_BUILDING_FILE = join(RESOURCES_DIR, 'demo-building.json');

/** An empty building for a site that sets itself up from the admin app. */
export const EMPTY_BUILDING: Building = {
  site: {
    name: 'Mal Pelayanan Publik',
    timezone: 'WIB',
    hours: {
      mon: { open: '07:30', close: '16:00' },
      tue: { open: '07:30', close: '16:00' },
      wed: { open: '07:30', close: '16:00' },
      thu: { open: '07:30', close: '16:00' },
      fri: { open: '07:30', close: '16:30' },
      sat: { open: '08:00', close: '12:00' },
      sun: null,
    },
    holidays: [],
    fridayPrayerBreak: { open: '11:30', close: '13:00' },
    noShowRequeueMinutes: 30,
    recallsBeforeNoShow: 1,
    autoServeOnCall: false,
    expireAfterCloseMinutes: 60,
  },
  zones: [{ id: 'lantai-1', name: 'Lantai 1' }],
  agencies: [],
  services: [],
  counters: [],
};

export function readDemoBuilding(): Building {
  return BuildingSchema.parse(JSON.parse(readFileSync(DEMO_BUILDING_FILE, 'utf8')));
}

export interface FirstStartReport {
  seeded: 'demo' | 'empty' | null;
  /** Passwords made on this start; shown once, never stored in clear. */
  credentials: { username: string; password: string; note: string }[];
  /** Demo devices made on this start, with the one-time link that signs each in. */
  devices: { role: 'kiosk' | 'display'; name: string; path: string }[];
}

export interface FirstStartOptions {
  demo: boolean;
  /** Seed this building instead of the demo one (benchmarks, trials). */
  building?: Building | undefined;
  adminPassword?: string | undefined;
  demoPassword?: string | undefined;
}

export async function prepareFirstStart(
  sql: Sql,
  auth: AuthStore,
  options: FirstStartOptions,
): Promise<FirstStartReport> {
  const report: FirstStartReport = { seeded: null, credentials: [], devices: [] };
  const now = Date.now();
  if (!(await hasBuilding(sql))) {
    const building = options.building ?? (options.demo ? readDemoBuilding() : EMPTY_BUILDING);
    const staffed = Boolean(options.demo || options.building);
    // One hash for all demo accounts: they share a password by design, and scrypt is slow on
    // purpose (made before the transaction, which it would hold up).
    const password = options.demoPassword ?? generatePassword();
    const passwordHash = staffed ? await hashPassword(password) : '';
    // The building and its demo staff and devices land together or not at all: a cluster
    // process fenced half-way through leaves nothing, and the next start seeds it whole.
    await sql.transaction(async (tx) => {
      await writeBuilding(tx, building);
      if (staffed) await seedDemoStaff(auth, tx, building, passwordHash, report, now);
    });
    report.seeded = staffed ? 'demo' : 'empty';
    if (staffed && !options.demoPassword && building.agencies.length > 0)
      report.credentials.push({
        username: 'spv.<agency> / petugas.<agency>',
        password,
        note: 'demo supervisors and officers, e.g. petugas.disdukcapil',
      });
  }
  if (!(await auth.findUser('admin'))) {
    const password = options.adminPassword ?? generatePassword();
    await auth.createUser(
      {
        username: 'admin',
        displayName: 'Administrator',
        passwordHash: await hashPassword(password),
        role: 'admin',
        agencyId: null,
      },
      now,
    );
    if (!options.adminPassword)
      report.credentials.push({ username: 'admin', password, note: 'building admin' });
  }
  return report;
}

/** A supervisor and an officer per agency, so every screen can be tried at once. */
async function seedDemoStaff(
  auth: AuthStore,
  tx: SqlRunner,
  building: Building,
  passwordHash: string,
  report: FirstStartReport,
  now: number,
): Promise<void> {
  for (const agency of building.agencies) {
    await auth.createUser(
      {
        username: `spv.${agency.id}`,
        displayName: `Supervisor ${agency.shortName}`,
        passwordHash,
        role: 'supervisor',
        agencyId: agency.id,
      },
      now,
      tx,
    );
    await auth.createUser(
      {
        username: `petugas.${agency.id}`,
        displayName: `Petugas ${agency.shortName}`,
        passwordHash,
        role: 'officer',
        agencyId: agency.id,
      },
      now,
      tx,
    );
  }
  // A kiosk for every agency and a board per zone, so the demo runs without any setup.
  // Its virtual printer writes into <data-dir>/printed, so `npm start` prints somewhere visible.
  const kiosk = await auth.createDevice(
    {
      name: 'Kiosk Lobi (demo)',
      role: 'kiosk',
      zoneIds: [],
      agencyIds: [],
      settings: { printer: { kind: 'virtual' }, paperWidth: 80, model: 'epson' },
    },
    now,
    tx,
  );
  report.devices.push({
    role: 'kiosk',
    name: 'Kiosk Lobi (demo)',
    path: `/kiosk/?token=${kiosk.token}`,
  });
  for (const zone of building.zones) {
    const name = `Papan ${zone.name} (demo)`;
    const display = await auth.createDevice(
      { name, role: 'display', zoneIds: [zone.id], agencyIds: [], settings: {} },
      now,
      tx,
    );
    report.devices.push({ role: 'display', name, path: `/display/?token=${display.token}` });
  }
}
