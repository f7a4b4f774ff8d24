import { BrowserWindow } from 'electron';
import type { OsPrintPort, TicketPage } from '../os-printer';

// A window that is never shown: it holds the ticket page while the OS driver prints it.
const hiddenWindow = () =>
  new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      spellcheck: false,
    },
  });

/** Windows' spooler or CUPS through Chromium's printing: silent, to one named printer. */
export function electronOsPrintPort(): OsPrintPort {
  return {
    async printers() {
      const window = hiddenWindow();
      try {
        // Electron's PrinterInfo types `status` only on some platforms; 0 reads as ready.
        const found = await window.webContents.getPrintersAsync();
        return found.map((p) => ({
          name: p.name,
          displayName: p.displayName,
          status: (p as { status?: number }).status ?? 0,
          options: p.options as Record<string, string>,
        }));
      } finally {
        window.destroy();
      }
    },
    async print(page: TicketPage, deviceName: string) {
      const window = hiddenWindow();
      try {
        await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page.html)}`);
        await new Promise<void>((resolve, reject) =>
          window.webContents.print(
            {
              silent: true,
              deviceName,
              printBackground: false,
              color: false,
              margins: { marginType: 'none' },
              pageSize: { width: page.widthMicrons, height: page.heightMicrons },
            },
            (success, failureReason) =>
              success ? resolve() : reject(new Error(failureReason || 'print failed')),
          ),
        );
      } finally {
        window.destroy();
      }
    },
  };
}
