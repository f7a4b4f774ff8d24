import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { sampleTicket } from './testing';
import { ticketDocument } from './ticket-document';
import { toSvg } from './ticket-render';

const SCREENSHOTS = fileURLToPath(new URL('../../../.test-results/screenshots/', import.meta.url));

// The preview is what the kiosk shows and the virtual printer keeps; a person looks at it.
it('renders both paper widths side by side for a person to look at', async () => {
  const document = ticketDocument(
    sampleTicket({
      priorityLabel: 'Prioritas: Lansia',
      serviceName: 'Penerbitan Surat Izin Mengemudi Baru',
    }),
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
    const paper = (width: 80 | 58) =>
      `<figure style="background:#fff;padding:16px;margin:0;box-shadow:0 2px 8px #0004">${toSvg(document, { paperWidth: width })}</figure>`;
    await page.setContent(
      `<body style="background:#ddd;display:flex;gap:32px;align-items:flex-start;padding:24px">${paper(80)}${paper(58)}</body>`,
    );
    const box = await page.locator('figure').first().boundingBox();
    expect(box?.width).toBeGreaterThan(576);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}escpos-ticket-preview.png`, fullPage: true });
  } finally {
    await browser.close();
  }
});
