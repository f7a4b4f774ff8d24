import type { DemographicField, IkmGrade, SkmElement } from '@antre/domain';
import { DEMOGRAPHIC_LABELS_ID, IKM_GRADE_LABELS, SKM_ELEMENTS, SKM_WORDING } from '@antre/domain';
import type { IkmExportTable, IkmReport } from '@antre/protocol';
import { toCsv } from '../reports/report-export';

// Indonesian headers, as the report goes to the Pemda and KemenPANRB. A cell with `digits` is
// a number shown with exactly that many decimals: 3 is "3.00" in the CSV, 0.00 in Excel.
type Value = string | number | null;
interface Cell {
  value: Value;
  digits?: number;
}
interface IkmSheet {
  title: string;
  header: string[];
  rows: Cell[][];
}

type Figure = IkmReport['building'];

export const IKM_TABLE_TITLES: Record<IkmExportTable, string> = {
  elements: 'NRR per unsur',
  agencies: 'IKM per instansi',
  services: 'IKM per layanan',
  profile: 'Profil responden',
};

const PROFILE_TITLES: Record<DemographicField, string> = {
  sex: 'Jenis kelamin',
  ageBand: 'Usia',
  education: 'Pendidikan terakhir',
  job: 'Pekerjaan utama',
};

const dec = (value: number | null, digits: number): Cell => ({ value, digits });
const gradeCells = (grade: IkmGrade | null): Cell[] => [
  { value: grade },
  { value: grade ? IKM_GRADE_LABELS[grade] : null },
];
/** An element's figure, empty while nobody answered. */
const rated = (figure: Figure, value: number, digits = 2): Cell =>
  dec(figure.respondents ? value : null, digits);

function elementRows(figure: Figure): Cell[][] {
  const rows = figure.elements.map((e): Cell[] => [
    { value: e.element },
    { value: SKM_WORDING[e.element as SkmElement]?.name ?? e.element },
    { value: e.total },
    rated(figure, e.nrr),
    rated(figure, e.weighted, 3),
    rated(figure, e.converted),
    { value: figure.respondents ? e.grade : null },
  ]);
  // The regulation's closing line: Σ weighted NRR, and the IKM it gives × 25.
  const total: Cell[] = [
    { value: 'Jumlah' },
    { value: 'NRR tertimbang dan IKM (× 25)' },
    { value: null },
    { value: null },
    dec(figure.weightedSum, 3),
    dec(figure.ikm, 2),
    { value: figure.grade },
  ];
  return [...rows, total];
}

function figureRows(figure: Figure, lead: Value[]): Cell[] {
  return [
    ...lead.map((value) => ({ value })),
    { value: figure.respondents },
    { value: figure.target },
    { value: figure.served },
    dec(figure.ikm, 2),
    ...gradeCells(figure.grade),
    ...figure.elements.map((e) => rated(figure, e.nrr)),
  ];
}
const ELEMENT_HEADER = [
  'Unsur',
  'Nama unsur',
  'Jumlah nilai',
  'NRR',
  'NRR tertimbang',
  'Nilai (× 25)',
  'Mutu',
];
const FIGURE_HEADER = ['Responden', 'Target sampel', 'Dilayani', 'IKM', 'Mutu', 'Kinerja'];
const NRR_HEADER = SKM_ELEMENTS.map((e) => `NRR ${e}`);

function profileRows(report: IkmReport): Cell[][] {
  const n = report.building.respondents;
  const fields: DemographicField[] = ['sex', 'ageBand', 'education', 'job'];
  return fields.flatMap((field) =>
    report.profile[field].map((c): Cell[] => [
      { value: PROFILE_TITLES[field] },
      {
        value:
          c.value === null ? 'Tidak diisi' : (DEMOGRAPHIC_LABELS_ID[field][c.value] ?? c.value),
      },
      { value: c.count },
      dec(n ? Math.round((10_000 * c.count) / n) / 100 : null, 2),
    ]),
  );
}

export function ikmSheet(report: IkmReport, table: IkmExportTable): IkmSheet {
  const title = IKM_TABLE_TITLES[table];
  const agencyName = new Map(report.agencies.map((a) => [a.agencyId, a.name]));
  switch (table) {
    case 'elements':
      return {
        title,
        header: ELEMENT_HEADER,
        rows: elementRows(report.building),
      };
    case 'agencies':
      return {
        title,
        header: ['Instansi', ...FIGURE_HEADER, ...NRR_HEADER],
        rows: report.agencies.map((a) => figureRows(a, [a.name])),
      };
    case 'services':
      return {
        title,
        header: ['Layanan', 'Instansi', ...FIGURE_HEADER, ...NRR_HEADER],
        rows: report.services.map((s) =>
          figureRows(s, [s.name, agencyName.get(s.agencyId) ?? s.agencyId]),
        ),
      };
    case 'profile':
      return {
        title,
        header: ['Karakteristik', 'Kategori', 'Jumlah', 'Persentase (%)'],
        rows: profileRows(report),
      };
  }
}

export function ikmCsv(sheet: IkmSheet): string {
  const text = (cell: Cell): Value =>
    cell.digits !== undefined && typeof cell.value === 'number'
      ? cell.value.toFixed(cell.digits)
      : cell.value;
  return toCsv([sheet.header, ...sheet.rows.map((row) => row.map(text))]);
}

export async function ikmXlsx(sheet: IkmSheet, period: string): Promise<Buffer> {
  // Loaded on the first export, not at start: exceljs alone is a third of the hub's start time.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Antre';
  const ws = workbook.addWorksheet(sheet.title.slice(0, 31));
  ws.addRow([`${sheet.title} — ${period}`]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const header = ws.addRow(sheet.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const cells of sheet.rows) {
    const row = ws.addRow(cells.map((c) => c.value));
    cells.forEach((cell, i) => {
      if (cell.digits !== undefined) row.getCell(i + 1).numFmt = `0.${'0'.repeat(cell.digits)}`;
    });
  }
  ws.columns.forEach((column, i) => {
    column.width = i === 0 ? 32 : 14;
  });
  ws.views = [{ state: 'frozen', ySplit: 3, xSplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
