import { constants } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import type { Printer } from './printer';
import { statusOf } from './printer-status';

/**
 * A printer behind a device file (`/dev/usb/lp0`, a Windows printer share path). The usblp
 * driver gives no reliable way to read DLE EOT answers back, and a blocking read would tie
 * up Node's thread pool, so the status only says whether the device is there and
 * writable: missing or not writable is `offline`, otherwise `ready`. A printer that is out
 * of paper still fails later, as a write error, and is reported as `write_failed`.
 */
export function devicePrinter(config: { path: string }): Printer {
  return {
    describe: () => `device:${config.path}`,
    readStatus: async () => {
      try {
        await access(config.path, constants.W_OK);
        return statusOf('ready');
      } catch {
        return statusOf('offline');
      }
    },
    // 'r+' opens an existing device without truncating or creating a regular file.
    print: (bytes) => writeFile(config.path, bytes, { flag: 'r+' }),
  };
}
