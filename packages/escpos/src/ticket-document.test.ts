import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEscPos, sampleTicket } from './testing';
import {
  DEFAULT_TICKET_TEMPLATE,
  ticketDocument,
  unknownTemplatePlaceholders,
} from './ticket-document';
import { toEscPos } from './ticket-render';

const printedLines = (document: string): string[] =>
  decodeEscPos(toEscPos(document, { model: 'epson', paperWidth: 80 })).lines;

describe('ticketDocument', () => {
  it('When a service name is full of receiptline markup, then it prints literally', () => {
    const hostile = '---\n| {code:x; option:qrcode} ^^^big^^^ _u_ "em" `inv` ~ \\x41 \\n a;b:c =';
    const document = ticketDocument(sampleTicket({ serviceName: hostile, agencyName: '=' }));
    const lines = printedLines(document);
    expect(lines.join(' ')).toContain(
      '--- | {code:x; option:qrcode} ^^^big^^^ _u_ "em" `inv` ~ \\x41 \\n a;b:c =',
    );
    expect(lines).toContain('=');
    expect(decodeEscPos(toEscPos(document, { model: 'epson', paperWidth: 80 })).qrPayloads).toEqual(
      ['http://192.168.1.10:8080/t/AB12CD34'],
    );
  });

  it('When the tracking URL holds property separators, then the QR carries it unchanged', () => {
    const trackingUrl = 'http://hub:8080/t/a;b}{c|d\\e';
    const bytes = toEscPos(ticketDocument(sampleTicket({ trackingUrl })), {
      model: 'epson',
      paperWidth: 80,
    });
    expect(decodeEscPos(bytes).qrPayloads).toEqual([trackingUrl]);
  });

  it('writes the date and time in the site timezone, in Indonesian by default', () => {
    const at = Date.UTC(2026, 10, 23, 2, 5);
    const lines = (timeZone: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura') =>
      printedLines(ticketDocument(sampleTicket({ issuedAt: at, timeZone })));
    expect(lines('Asia/Jakarta')).toEqual(
      expect.arrayContaining(['Senin, 23 November 2026', '09.05 WIB']),
    );
    expect(lines('Asia/Makassar')).toContain('10.05 WITA');
    expect(lines('Asia/Jayapura')).toContain('11.05 WIT');
    const lateEvening = Date.UTC(2026, 10, 23, 17, 30); // already Tuesday in Jayapura
    expect(
      printedLines(
        ticketDocument(sampleTicket({ issuedAt: lateEvening, timeZone: 'Asia/Jayapura' })),
      ),
    ).toContain('Selasa, 24 November 2026');
  });

  it('says how many are ahead and the estimated wait, in either language', () => {
    const id = printedLines(
      ticketDocument(sampleTicket({ peopleAhead: 0, estimatedWaitMinutes: 80 })),
    );
    expect(id).toEqual(
      expect.arrayContaining([
        'Tidak ada antrean di depan Anda',
        'Perkiraan tunggu: ± 1 jam 20 menit',
      ]),
    );
    const en = printedLines(ticketDocument(sampleTicket({ language: 'en', peopleAhead: 1 })));
    expect(en).toEqual(
      expect.arrayContaining(['Monday, 23 November 2026', '09:05 WIB', '1 person ahead of you']),
    );
    expect(en).toContain('Please wait until your number is called');
  });

  it('When there is no priority and no estimate, then their lines are left out', () => {
    const document = ticketDocument(sampleTicket({ estimatedWaitMinutes: null }));
    expect(document).not.toMatch(/Perkiraan|Prioritas|""/);
    const withPriority = ticketDocument(sampleTicket({ priorityLabel: 'Prioritas: Lansia' }));
    expect(printedLines(withPriority)).toContain('Prioritas: Lansia');
  });

  it('When a ticket was booked online, then the paper marks it and names its session; a walk-in has neither line', () => {
    // The 10.00–12.00 WIB session of Monday 23 November 2026.
    const session = { start: Date.UTC(2026, 10, 23, 3), end: Date.UTC(2026, 10, 23, 5) };
    const online = printedLines(
      ticketDocument(sampleTicket({ label: 'B-B002', online: { session } })),
    );
    const mark = online.indexOf('Antrean online');
    expect(online[mark - 1]).toBe('B-B002');
    expect(online[mark + 1]).toBe('Sesi 10.00-12.00 WIB');

    const inEnglish = printedLines(
      ticketDocument(
        sampleTicket({ language: 'en', timeZone: 'Asia/Makassar', online: { session } }),
      ),
    );
    expect(inEnglish).toEqual(
      expect.arrayContaining(['Online booking', 'Session 11:00-13:00 WITA']),
    );

    // Past the check-in window the visitor joins at the back: marked, but no session to keep.
    const late = printedLines(ticketDocument(sampleTicket({ online: { session: null } })));
    expect(late).toContain('Antrean online');
    expect(late.join(' ')).not.toContain('Sesi');

    const walkIn = ticketDocument(sampleTicket());
    expect(walkIn).not.toMatch(/online|Sesi|`/);
    expect(ticketDocument(sampleTicket({ online: { session } }), '{{label}} {{onlineMark}}')).toBe(
      'A\\x2d001 Antrean online',
    );
  });

  it('uses a custom template, and names the placeholders it does not know', () => {
    const template = 'Nomor {{label}} {{serviceName}}\n{{nonsense}}\n{{ footer }}';
    expect(ticketDocument(sampleTicket({ footer: 'Terima kasih' }), template)).toBe(
      'Nomor A\\x2d001 Perekaman KTP\\x2del\nTerima kasih',
    );
    expect(unknownTemplatePlaceholders(template)).toEqual(['nonsense']);
    expect(unknownTemplatePlaceholders(DEFAULT_TICKET_TEMPLATE)).toEqual([]);
  });

  it('keeps the template in resources/ identical to the built-in one', () => {
    const file = new URL('../../../resources/templates/ticket-default.receipt', import.meta.url);
    expect(readFileSync(file, 'utf8')).toBe(DEFAULT_TICKET_TEMPLATE);
  });
});
