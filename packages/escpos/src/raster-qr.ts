import jsQR from 'jsqr';

export interface RasterImage {
  /** dots */
  width: number;
  height: number;
  /** one bit per dot, rows padded to whole bytes, most significant bit first; 1 is black */
  bits: Uint8Array;
}

const QUIET_ZONE = 32;

/** Reads a QR code out of a printed bitmap (the generic model's QR is one), or null. */
export function readRasterQr(image: RasterImage): string | null {
  const width = image.width + QUIET_ZONE * 2;
  const height = image.height + QUIET_ZONE * 2;
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  const rowBytes = Math.ceil(image.width / 8);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const bit = ((image.bits[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
      if (bit === 0) continue;
      const at = ((y + QUIET_ZONE) * width + x + QUIET_ZONE) * 4;
      rgba[at] = rgba[at + 1] = rgba[at + 2] = 0;
    }
  }
  return jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
