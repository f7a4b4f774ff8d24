import { LOGO_MAX_BYTES, splitLogo } from '@antre/protocol';

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp'] as const;
const LONG_SIDE = 256;

/**
 * The chosen image scaled to at most 256 px on its long side, as a data URL the hub accepts.
 * Kept in its own format when small enough, else re-encoded as WebP, then JPEG.
 */
export async function scaledLogo(file: Blob): Promise<string | 'unreadable' | 'too_big'> {
  const type = ACCEPTED.find((t) => t === file.type);
  if (!type) return 'unreadable';
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return 'unreadable';
  }
  const scale = Math.min(1, LONG_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d');
  if (!context) return 'unreadable';
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  for (const format of [type, 'image/webp', 'image/jpeg'] as const) {
    const url = canvas.toDataURL(format, 0.85);
    const logo = splitLogo(url);
    // A browser that cannot encode a format silently gives PNG; check what came out.
    if (logo && `image/${logo.type}` === format && logo.bytes <= LOGO_MAX_BYTES) return url;
  }
  return 'too_big';
}
