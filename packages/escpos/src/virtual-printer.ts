import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeEscPos } from './escpos-decoder';
import type { Printer } from './printer';
import { statusOf } from './printer-status';

/**
 * A printer that is a folder: each job becomes `<timestamp>-<label>.bin` (the exact bytes a
 * real printer would get) and, when a preview is given, `.svg` beside it. Always ready.
 */
export function virtualPrinter(config: { dir: string }): Printer {
  return {
    describe: () => `virtual:${config.dir}`,
    readStatus: async () => statusOf('ready'),
    print: async (bytes, preview) => {
      await mkdir(config.dir, { recursive: true });
      const base = join(config.dir, `${fileTimestamp(new Date())}-${jobName(bytes)}`);
      await writeFile(`${base}.bin`, bytes);
      if (preview?.svg) await writeFile(`${base}.svg`, preview.svg);
    },
  };
}

const fileTimestamp = (at: Date): string => at.toISOString().replace(/[:.]/g, '-');

// The ticket's number is the text printed largest; it names the file so a person can find it.
function jobName(bytes: Uint8Array): string {
  const label = decodeEscPos(bytes, { readImages: false }).largestText.replace(
    /[^A-Za-z0-9-]+/g,
    '',
  );
  return label.slice(0, 32) || 'job';
}
