import type { ReportRow, SummaryReport } from '@antre/protocol';
import { SHEET_TYPES } from '@antre/protocol';
import type { TimezoneCode } from '@antre/domain';
import { localMoment } from '@antre/domain';
import { FileReply } from '../http/route-spec';
import { channelCells } from './channel-report';
import { notifyCells } from './notify-report';

type Column = { header: string; value: (r: ReportRow) => string | number | null };

// Headers are Indonesian: the files go into reports to the Pemda and KemenPANRB as they are.
const ISSUED: Column = { header: 'Tiket terbit', value: (r) => r.issued };
const COUNT_COLUMNS: Column[] = [
  { header: 'Dipanggil', value: (r) => r.called },
  { header: 'Dilayani', value: (r) => r.served },
  { header: 'Tidak hadir', value: (r) => r.noShow },
  { header: 'Dibatalkan', value: (r) => r.cancelled },
  { header: 'Kedaluwarsa', value: (r) => r.expired },
  { header: 'Dialihkan ke layanan lain', value: (r) => r.transferred },
];
const TIME_COLUMNS: Column[] = [
  { header: 'Tunggu rata-rata (menit)', value: (r) => r.waitMean },
  { header: 'Tunggu median (menit)', value: (r) => r.waitMedian },
  { header: 'Tunggu p90 (menit)', value: (r) => r.waitP90 },
  { header: 'Layanan rata-rata (menit)', value: (r) => r.serviceMean },
  { header: 'Layanan median (menit)', value: (r) => r.serviceMedian },
  { header: 'Layanan p90 (menit)', value: (r) => r.serviceP90 },
  {
    header: 'Dalam target waktu tunggu (%)',
    value: (r) => (r.withinTarget === null ? null : Math.round(r.withinTarget * 1000) / 10),
  },
];

// Tickets are issued (and fail to print) at a service; a counter or officer only calls them.
const SERVICE_COLUMNS: Column[] = [
  ISSUED,
  ...COUNT_COLUMNS,
  { header: 'Gagal cetak', value: (r) => r.voided },
  ...TIME_COLUMNS,
];
const CALLER_COLUMNS: Column[] = [...COUNT_COLUMNS, ...TIME_COLUMNS];
const COLUMNS_OF = {
  agencies: SERVICE_COLUMNS,
  services: SERVICE_COLUMNS,
  counters: CALLER_COLUMNS,
  officers: CALLER_COLUMNS,
};

export const WEEKDAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
export const TABLE_TITLES = {
  agencies: 'Per instansi',
  services: 'Per layanan',
  counters: 'Per loket',
  officers: 'Per petugas',
  heatmap: 'Kedatangan per jam',
  channels: 'Per kanal antrean',
  notifications: 'Notifikasi',
} as const;

export type ReportTable = keyof typeof TABLE_TITLES;

/** A table as rows of cells, first row the header: the one shape both formats write. */
export function tableCells(
  report: SummaryReport,
  table: ReportTable,
): (string | number | null)[][] {
  if (table === 'channels') return channelCells(report);
  if (table === 'notifications') return notifyCells(report.notifications);
  if (table === 'heatmap') {
    const hours = Array.from({ length: 24 }, (_, h) => h);
    const count = new Map(report.heatmap.map((c) => [`${c.weekday}|${c.hour}`, c.arrivals]));
    // Monday first, as an Indonesian week is read.
    return [
      ['Hari', ...hours.map((h) => `${String(h).padStart(2, '0')}.00`)],
      ...[1, 2, 3, 4, 5, 6, 0].map((d) => [
        WEEKDAYS_ID[d]!,
        ...hours.map((h) => count.get(`${d}|${h}`) ?? 0),
      ]),
    ];
  }
  const columns = [{ header: 'Nama', value: (r: ReportRow) => r.name }, ...COLUMNS_OF[table]];
  return [
    columns.map((c) => c.header),
    ...report[table].map((row) => columns.map((c) => c.value(row))),
  ];
}

export function toCsv(cells: (string | number | null)[][]): string {
  const quote = (cell: string | number | null) => {
    const text = cell === null ? '' : String(cell);
    // A leading = + - @ would be run as a formula by a spreadsheet: neutralise it.
    const safe = /^[=+\-@]/.test(text) && typeof cell === 'string' ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  // The BOM lets Excel open UTF-8 (names with é, ’) correctly.
  return `\uFEFF${cells.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** One sheet of a workbook: its cells (header first), and the title and period above them. */
export interface SheetCells {
  cells: (string | number | null)[][];
  title: string;
  period: string;
}

export function toXlsx(
  cells: (string | number | null)[][],
  title: string,
  period: string,
): Promise<Buffer> {
  return toWorkbook([{ cells, title, period }]);
}

/** Sheets in one XLSX, each laid out the same: title line, header, rows, frozen name column. */
export async function toWorkbook(sheets: readonly SheetCells[]): Promise<Buffer> {
  // Loaded on the first export, not at start: exceljs alone is a third of the hub's start time.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Antre';
  for (const { cells, title, period } of sheets) {
    const sheet = workbook.addWorksheet(title.slice(0, 31));
    sheet.addRow([`${title} — ${period}`]).font = { bold: true, size: 13 };
    sheet.addRow([]);
    const header = sheet.addRow(cells[0] ?? []);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    for (const row of cells.slice(1)) sheet.addRow(row);
    sheet.columns.forEach((column, i) => {
      column.width = i === 0 ? 36 : 14;
    });
    sheet.views = [{ state: 'frozen', ySplit: 3, xSplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "2026-11-23 09.05" in the site's timezone: how a file states a moment. */
export function localStamp(at: number, timezone: TimezoneCode): string {
  const { date, minutes } = localMoment(at, timezone);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  return `${date} ${hh}.${String(minutes % 60).padStart(2, '0')}`;
}

export type SheetType = (typeof SHEET_TYPES)[number];

/** The cells as a CSV or XLSX attachment. */
export async function sheetFile(
  cells: (string | number | null)[][],
  file: { name: string; format: 'xlsx' | 'csv'; title: string; period: string },
): Promise<FileReply<SheetType>> {
  const name = `${file.name}.${file.format}`;
  if (file.format === 'csv') return new FileReply('text/csv', toCsv(cells), { name });
  return new FileReply(XLSX_TYPE, await toXlsx(cells, file.title, file.period), { name });
}

export const XLSX_TYPE = SHEET_TYPES[1];
