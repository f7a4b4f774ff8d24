import type { RasterImage } from './raster-qr';
import { readRasterQr } from './raster-qr';

export interface DecodedEscPos {
  /** printed text, one entry per non-empty line, trimmed */
  lines: string[];
  /** from native QR commands (GS ( k) and from QR codes found in raster images */
  qrPayloads: string[];
  cuts: number;
  /** the text printed at the largest size (the ticket's number) */
  largestText: string;
  images: RasterImage[];
}

// The upper half of code page 437, the printers' default (page 0).
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ';
// 0x80–0x9f of Windows-1252 (page 16; above it, Latin-1): Node's TextDecoder reads these as
// Latin-1 control codes, which would turn a printed "–" into "\x96".
const WINDOWS_1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;

/**
 * Turns ESC/POS bytes back into what a person would see on the paper: text lines, QR
 * payloads and cuts. Understands the commands receiptline and the status queries use;
 * tests read printed tickets with it and the virtual printer names its files with it.
 */
export function decodeEscPos(
  bytes: Uint8Array,
  options: { readImages?: boolean } = {},
): DecodedEscPos {
  const out: DecodedEscPos = { lines: [], qrPayloads: [], cuts: 0, largestText: '', images: [] };
  const readImages = options.readImages ?? true;
  const at = (i: number): number => bytes[i] ?? 0;
  const word = (i: number): number => at(i) | (at(i + 1) << 8);
  let line = '';
  let scale = 1;
  let page = 0;
  const big = { scale: 0, parts: [] as string[] };

  const endLine = () => {
    if (line.trim()) out.lines.push(line.trim());
    line = '';
    if (big.parts.at(-1) !== ' ') big.parts.push(' ');
  };
  const print = (char: string) => {
    line += char;
    if (scale > big.scale) Object.assign(big, { scale, parts: [] });
    if (scale === big.scale) big.parts.push(char);
  };

  let i = 0;
  while (i < bytes.length) {
    const b = at(i);
    if (b === 0x0a) {
      endLine();
      i += 1;
    } else if (b === ESC) {
      const c = String.fromCharCode(at(i + 1));
      if (c === 't') page = at(i + 2);
      if ((c === '$' || c === '\\') && line && !line.endsWith(' ')) line += ' ';
      if (c === 'i' || c === 'm') out.cuts += 1;
      i += '@2im'.includes(c) ? 2 : '$\\'.includes(c) ? 4 : c === 'p' ? 5 : 3;
    } else if (b === GS) {
      i = decodeGs(
        bytes,
        i,
        out,
        readImages,
        (n) => (scale = Math.max((n >> 4) + 1, (n & 15) + 1)),
      );
    } else if (b === FS) {
      const c = String.fromCharCode(at(i + 1));
      i += c === '(' ? 5 + word(i + 3) : '.&'.includes(c) ? 2 : c === 'S' || c === 'p' ? 4 : 3;
    } else if (b === DLE) {
      i += at(i + 1) === 0x14 ? 5 : 3;
    } else if (b < 0x20 || b === 0x7f) {
      i += 1;
    } else {
      print(decodeChar(b, page));
      i += 1;
    }
  }
  endLine();
  out.largestText = big.parts.join('').replace(/\s+/g, ' ').trim();
  return out;
}

function decodeGs(
  bytes: Uint8Array,
  i: number,
  out: DecodedEscPos,
  readImages: boolean,
  setSize: (n: number) => void,
): number {
  const at = (k: number): number => bytes[k] ?? 0;
  const word = (k: number): number => at(k) | (at(k + 1) << 8);
  const c = String.fromCharCode(at(i + 1));
  switch (c) {
    case '!':
      setSize(at(i + 2));
      return i + 3;
    case 'L':
    case 'W':
      return i + 4;
    case 'V':
      out.cuts += 1;
      return i + ([0, 1, 48, 49].includes(at(i + 2)) ? 3 : 4);
    case 'k':
      return at(i + 2) <= 6 ? bytes.indexOf(0, i + 3) + 1 || bytes.length : i + 4 + at(i + 3);
    case '(': {
      const length = word(i + 3);
      // GS ( k … 49 80 48 data: store QR data (cn 49 = QR, fn 80 = store)
      if (at(i + 2) === 0x6b && at(i + 5) === 49 && at(i + 6) === 80) {
        out.qrPayloads.push(new TextDecoder().decode(bytes.subarray(i + 8, i + 5 + length)));
      }
      return i + 5 + length;
    }
    case '8': {
      // GS 8 L p1..p4 48 112 48 bx by c xL xH yL yH d…: raster graphics into the buffer
      const length = word(i + 3) + word(i + 5) * 0x10000;
      const width = word(i + 13);
      const height = word(i + 15);
      addImage(out, readImages, { width, height, bits: bytes.subarray(i + 17, i + 7 + length) });
      return i + 7 + length;
    }
    case 'v': {
      // GS v 0 m xL xH yL yH d…: raster bit image, width in bytes
      const rowBytes = word(i + 4);
      const height = word(i + 6);
      const end = i + 8 + rowBytes * height;
      addImage(out, readImages, { width: rowBytes * 8, height, bits: bytes.subarray(i + 8, end) });
      return end;
    }
    default:
      return i + 3;
  }
}

function addImage(out: DecodedEscPos, readImages: boolean, image: RasterImage): void {
  out.images.push(image);
  // Looking for a QR code in a bitmap costs ~30 ms; naming a file does not need it.
  const payload = readImages ? readRasterQr(image) : null;
  if (payload !== null) out.qrPayloads.push(payload);
}

function decodeChar(b: number, page: number): string {
  if (b < 0x80) return String.fromCharCode(b);
  if (page === 0) return CP437_HIGH[b - 0x80] ?? '?';
  if (page === 16) return b < 0xa0 ? (WINDOWS_1252_80_9F[b - 0x80] ?? '?') : String.fromCharCode(b);
  // Page 1 is where receiptline draws its rules (0x90–0x9f).
  if (page === 1 && b >= 0x8f && b <= 0x9f) return b === 0x96 ? '|' : '-';
  return '?';
}
