import { describe, expect, it } from 'vitest';
import { decodeEscPos, sampleTicket } from './testing';
import { ticketDocument } from './ticket-document';
import type { PaperWidth, PrinterModel } from './ticket-render';
import { toEscPos, toSvg } from './ticket-render';

const document = ticketDocument(sampleTicket({ priorityLabel: 'Prioritas: Ibu hamil' }));
const cases: { model: PrinterModel; paperWidth: PaperWidth; columns: number }[] = [
  { model: 'epson', paperWidth: 80, columns: 48 },
  { model: 'epson', paperWidth: 58, columns: 32 },
  { model: 'generic', paperWidth: 80, columns: 48 },
  { model: 'generic', paperWidth: 58, columns: 32 },
];

describe('toEscPos', () => {
  it.each(cases)(
    'prints the number, service and QR for $model on $paperWidth mm',
    ({ model, paperWidth, columns }) => {
      const bytes = toEscPos(document, { model, paperWidth });
      expect(Array.from(bytes.subarray(0, 2))).toEqual([0x1b, 0x40]); // ESC @ resets the printer first
      const printed = decodeEscPos(bytes);
      expect(printed.largestText).toBe('A-001');
      expect(printed.lines).toEqual(
        expect.arrayContaining([
          'MPP Kota Bandung',
          'Disdukcapil',
          'Perekaman KTP-el',
          'A-001',
          'Prioritas: Ibu hamil',
        ]),
      );
      expect(printed.qrPayloads).toEqual(['http://192.168.1.10:8080/t/AB12CD34']);
      expect(printed.cuts).toBe(1);
      // Words are never split across lines on either paper.
      expect(printed.lines).toContain('3 antrean di depan Anda');
      expect(printed.lines.every((line) => line.length <= columns)).toBe(true);
    },
  );

  it('When the model is Epson, then the QR is drawn by the printer; when generic, it is a bitmap', () => {
    const epson = toEscPos(document, { model: 'epson', paperWidth: 80 });
    const generic = toEscPos(document, { model: 'generic', paperWidth: 80 });
    expect(decodeEscPos(epson).images).toHaveLength(0);
    expect(decodeEscPos(generic).images).toHaveLength(1);
    expect(generic.length).toBeGreaterThan(epson.length * 2);
  });

  it('When the service name is long, then it wraps between words on 58 mm', () => {
    const long = ticketDocument(
      sampleTicket({ serviceName: 'Penerbitan Surat Izin Mengemudi Perpanjangan Golongan A' }),
    );
    const lines = decodeEscPos(toEscPos(long, { model: 'generic', paperWidth: 58 })).lines;
    expect(lines).toEqual(
      expect.arrayContaining(['Penerbitan Surat Izin Mengemudi', 'Perpanjangan Golongan A']),
    );
  });

  it('When the number is long, then it is printed smaller but on one line', () => {
    const long = ticketDocument(sampleTicket({ label: 'PKB-1234' }));
    const printed = decodeEscPos(toEscPos(long, { model: 'epson', paperWidth: 58 }));
    expect(printed.largestText).toBe('PKB-1234');
    expect(printed.lines).toContain('PKB-1234');
  });
});

describe('toSvg', () => {
  const textOf = (svg: string): string[] =>
    [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) =>
      (m[1] ?? '')
        .replace(/<[^>]+>/g, '')
        .replace(/&#xa0;/g, ' ')
        .trim(),
    );

  it.each([80, 58] as const)(
    'shows the number and the service on %i mm paper, without fetching a font',
    (paperWidth) => {
      const svg = toSvg(document, { paperWidth });
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain(`width="${paperWidth === 80 ? 576 : 384}px"`);
      expect(textOf(svg)).toEqual(expect.arrayContaining(['A-001', 'Perekaman KTP-el']));
      expect(svg).not.toMatch(/https?:\/\/fonts/);
    },
  );

  it('When a 58 mm footer line with "—" fills the paper exactly, then the next words follow without an empty line', () => {
    // "Terima kasih — simpan tiket ini!" is 32 columns: the em dash counts as one.
    const footer = 'Terima kasih — simpan tiket ini! Sampai jumpa';
    const svg = toSvg(ticketDocument(sampleTicket({ footer })), { paperWidth: 58 });
    const rows = [...svg.matchAll(/<g transform="translate\(0,(\d+)\)"><text>(.*?)<\/text>/g)].map(
      (m) => ({ y: Number(m[1]), text: textOf(`<text>${m[2] ?? ''}</text>`)[0] }),
    );
    const first = rows.findIndex((row) => row.text === 'Terima kasih — simpan tiket ini!');
    const [line, next] = [rows[first], rows[first + 1]];
    expect(next?.text).toBe('Sampai jumpa');
    // One text line is 30 px high at this size; an empty line between would make it 60.
    expect((next?.y ?? 0) - (line?.y ?? 0)).toBe(30);
  });
});
