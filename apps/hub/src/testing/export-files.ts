import ExcelJS from 'exceljs';

/** An exported file fetched as the admin app does: the response and its bytes. */
export async function fetchFile(url: string, token: string) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** The first sheet of an XLSX, read back with exceljs. */
export async function firstSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook.worksheets[0]!;
}

/** A CSV's lines, without the byte-order mark Excel needs. */
export const csvLines = (bytes: Buffer): string[] =>
  bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
