import type { TimezoneCode } from '@antre/domain';
import { IKM_GRADE_LABELS } from '@antre/domain';
import type {
  RegionHubStatus,
  RegionLive,
  RegionReports,
  RegionUnavailable,
} from '@antre/protocol';
import { FileReply } from '../http/route-spec';
import type { SheetCells } from '../reports/report-export';
import { localStamp, sheetFile, toWorkbook, XLSX_TYPE } from '../reports/report-export';

type Cells = (string | number | null)[][];

// Indonesian headings, as the building's own exports: the file goes into the Pemda's reports.
const UNAVAILABLE_ID: Record<RegionUnavailable, string> = {
  schema_missing: 'Tidak tersedia: skema gedung tidak ada',
  no_building: 'Tidak tersedia: gedung belum disiapkan',
  unreadable: 'Tidak tersedia: data gedung tidak terbaca',
};

/**
 * "Aktif (host:pid)" or "Tidak ada hub aktif sejak 2026-11-23 08.15 WITA": in the building's
 * own time, WIB when it could not be read.
 */
export function hubCell(hub: RegionHubStatus, timezone: TimezoneCode = 'WIB'): string {
  return hub.state === 'active'
    ? `Aktif (${hub.holder})`
    : `Tidak ada hub aktif sejak ${localStamp(hub.since, timezone)} ${timezone}`;
}

export const REGION_SHEET_TITLES = {
  live: 'Hari ini per gedung',
  period: 'Laporan dan IKM per gedung',
} as const;

export function liveSheet(live: RegionLive): Cells {
  const header = [
    'Gedung',
    'Kunci',
    'Hub',
    'Hari layanan',
    'Menunggu',
    'Tunggu terlama (menit)',
    'Dilayani',
    'Tidak hadir',
    'Tiket terbit',
    'Loket buka',
    'Loket istirahat',
  ];
  return [
    header,
    ...live.buildings.map((b) =>
      b.available
        ? [
            b.name,
            b.key,
            hubCell(b.hub, b.timezone),
            b.serviceDay,
            b.waitingNow,
            b.longestWaitMinutes,
            b.servedToday,
            b.noShowToday,
            b.issuedToday,
            b.countersOpen,
            b.countersPaused,
          ]
        : [b.key, b.key, hubCell(b.hub), UNAVAILABLE_ID[b.reason]],
    ),
  ];
}

export function periodSheet(reports: RegionReports): Cells {
  const header = [
    'Gedung',
    'Kunci',
    'Tiket terbit',
    'Dilayani',
    'Tidak hadir',
    'Tunggu rata-rata (menit)',
    'Tunggu median (menit)',
    'Tunggu p90 (menit)',
    'Layanan rata-rata (menit)',
    'Dalam target waktu tunggu (%)',
    'IKM',
    'Mutu',
    'Kinerja',
    'Responden',
    'Target sampel',
  ];
  return [
    header,
    ...reports.buildings.map((b) =>
      b.available
        ? [
            b.name,
            b.key,
            b.issued,
            b.served,
            b.noShow,
            b.waitMean,
            b.waitMedian,
            b.waitP90,
            b.serviceMean,
            b.withinTarget === null ? null : Math.round(b.withinTarget * 1000) / 10,
            b.ikm.value,
            b.ikm.grade,
            b.ikm.grade ? IKM_GRADE_LABELS[b.ikm.grade] : null,
            b.ikm.respondents,
            b.ikm.target,
          ]
        : [b.key, b.key, UNAVAILABLE_ID[b.reason]],
    ),
  ];
}

/**
 * Both tables as sheets of one XLSX, or one of them (a CSV holds one table: the period's
 * unless `table` says live).
 */
export async function regionFile(
  sheets: { live?: SheetCells; period?: SheetCells },
  file: { name: string; format: 'xlsx' | 'csv' },
) {
  const chosen = [sheets.live, sheets.period].filter((s): s is SheetCells => s !== undefined);
  if (file.format === 'csv' || chosen.length === 1) {
    const one = sheets.period ?? sheets.live!;
    return sheetFile(one.cells, { ...file, title: one.title, period: one.period });
  }
  return new FileReply(XLSX_TYPE, await toWorkbook(chosen), { name: `${file.name}.xlsx` });
}
