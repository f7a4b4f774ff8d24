import type { Building, DayHours } from '@antre/domain';
import { WEEKDAYS } from '@antre/domain';

const ALL_DAY: DayHours = { open: '00:00', close: '23:59' };
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const prefix = (i: number): string =>
  i < 26 ? (LETTERS[i] as string) : `${LETTERS[Math.floor(i / 26) - 1]}${LETTERS[i % 26]}`;

/** A large building for load runs: open all day, calling finishes the previous visitor. */
export function loadBuilding(agencies: number, countersPerAgency: number, zones: number): Building {
  const building: Building = {
    site: {
      name: 'MPP Beban Uji',
      timezone: 'WIB',
      hours: Object.fromEntries(WEEKDAYS.map((d) => [d, ALL_DAY])),
      holidays: [],
      fridayPrayerBreak: null,
      noShowRequeueMinutes: 30,
      recallsBeforeNoShow: 0,
      autoServeOnCall: true,
      expireAfterCloseMinutes: 60,
    },
    zones: Array.from({ length: zones }, (_, z) => ({
      id: `zona-${z + 1}`,
      name: `Zona ${z + 1}`,
    })),
    agencies: [],
    services: [],
    counters: [],
  };
  let number = 1;
  for (let a = 0; a < agencies; a += 1) {
    const agencyId = `instansi-${a + 1}`;
    building.agencies.push({ id: agencyId, name: `Instansi ${a + 1}`, shortName: `I${a + 1}` });
    const services = [0, 1].map((s) => ({
      id: `${agencyId}-layanan-${s + 1}`,
      agencyId,
      name: `Layanan ${s + 1}`,
      prefix: prefix(a * 2 + s),
      dailyQuota: null,
      hours: null,
      targetWaitMinutes: 30,
      defaultServiceMinutes: 5,
      priorityRule: { kind: 'interleave' as const, regularPerPriority: 3 },
      standard: {
        requirements: ['KTP'],
        procedure: ['Ambil antrean'],
        duration: '1 hari',
        cost: 'Gratis',
        product: 'Dokumen',
        complaints: 'SP4N-LAPOR!',
      },
      active: true,
    }));
    building.services.push(...services);
    for (let c = 0; c < countersPerAgency; c += 1) {
      building.counters.push({
        id: `loket-${number}`,
        agencyId,
        zoneId: `zona-${(a % zones) + 1}`,
        name: `Loket ${number}`,
        number,
        selection: 'order',
        services: services.map((s) => ({ serviceId: s.id, weight: 1 })),
      });
      number += 1;
    }
  }
  return building;
}
