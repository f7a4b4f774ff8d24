import receiptline from 'receiptline';
import { wrapDocumentWords } from './receipt-wrap';

export type PaperWidth = 58 | 80;
export type PrinterModel = 'epson' | 'generic';

const COLUMNS: Record<PaperWidth, number> = { 80: 48, 58: 32 };
type QrSymbol = { data: string; cell: number; level: 'l' | 'm' | 'q' | 'h' };

const byte = (...codes: number[]): string => String.fromCharCode(...codes);

// Epson TM printers (and most clones sold as "Epson compatible") draw QR codes themselves
// from GS ( k: a few dozen bytes instead of a ~4 KB raster image, and crisp at any size.
// receiptline 4 sends every QR as a raster image, so the Epson model swaps in the native form.
function nativeQr(symbol: QrSymbol): string {
  if (symbol.data.length === 0) return '';
  const data = [...new TextEncoder().encode(symbol.data)].map((b) => byte(b)).join('');
  const stored = data.length + 3;
  const level = { l: 48, m: 49, q: 50, h: 51 }[symbol.level];
  return (
    '\x1d(k' +
    byte(4, 0, 49, 65, 50, 0) + // model 2
    '\x1d(k' +
    byte(3, 0, 49, 67, symbol.cell) + // module size in dots
    '\x1d(k' +
    byte(3, 0, 49, 69, level) + // error correction
    '\x1d(k' +
    byte(stored & 255, stored >> 8, 49, 80, 48) +
    data + // store the data
    '\x1d(k' +
    byte(3, 0, 49, 81, 48) // print it
  );
}

const epsonCommands = Object.assign({}, receiptline.commands.epson, {
  qrcode: (symbol: QrSymbol) => nativeQr(symbol),
});

// The generic model keeps receiptline's plain set (GS v 0 raster images, no FS ( A), which
// the cheapest 58 mm printers understand; its QR is a bitmap.
const MODEL: Record<
  PrinterModel,
  { command: receiptline.BaseCommand; encoding: 'multilingual' | 'cp437' }
> = {
  epson: { command: epsonCommands, encoding: 'multilingual' },
  generic: { command: receiptline.commands.generic, encoding: 'cp437' },
};

/** ESC/POS bytes for one printer model and paper width, ending with a cut. */
export function toEscPos(
  document: string,
  options: { model: PrinterModel; paperWidth: PaperWidth },
): Uint8Array {
  const model = MODEL[options.model];
  // Each command object keeps state while it renders, so each call gets its own copy.
  const commands = Object.assign({}, model.command);
  const columns = COLUMNS[options.paperWidth];
  const binary = receiptline.transform(wrapDocumentWords(document, columns), {
    command: commands,
    cpl: columns,
    encoding: model.encoding,
    cutting: true,
    gradient: false,
    spacing: true,
  });
  return Uint8Array.from(binary, (char) => char.charCodeAt(0) & 0xff);
}

/** An SVG preview of the same document, with no web font so it renders offline. */
export function toSvg(document: string, options: { paperWidth: PaperWidth }): string {
  const columns = COLUMNS[options.paperWidth];
  const svg = receiptline.transform(wrapDocumentWords(document, columns), {
    command: 'svg',
    cpl: columns,
    encoding: 'multilingual',
    spacing: true,
  });
  return svg.replace(/<style type="text\/css"><!\[CDATA\[@import url\([^)]*\);\]\]><\/style>/, '');
}
