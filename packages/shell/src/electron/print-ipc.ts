import type { IpcMainInvokeEvent } from 'electron';
import { ipcMain } from 'electron';
import { SHELL_CHANNELS } from '../bridge-contract';
import type { ShellConfig } from '../config';
import { hubOrigins } from '../config';
import { isTrustedSender } from '../ipc-guard';
import { createPrintBridge } from '../print-bridge';
import { openShellPrinter } from '../shell-printer';
import { electronOsPrintPort } from './os-print-port';
import { libUsbPort } from './usb-port';

/** The two bridge calls, answered only for the hub's own top frame. */
export function setupPrintIpc(config: ShellConfig): void {
  const bridge = createPrintBridge({
    printer: config.printer
      ? openShellPrinter(
          config.printer,
          { os: electronOsPrintPort, usb: () => libUsbPort() },
          config.paperWidth,
        )
      : null,
    paperWidth: config.paperWidth,
    model: config.model,
  });
  const checked = (event: IpcMainInvokeEvent): void => {
    const frame = event.senderFrame;
    const sender = {
      frameUrl: frame?.url,
      isMainFrame: frame !== null && frame === event.sender.mainFrame,
    };
    if (!isTrustedSender(sender, hubOrigins(config))) throw new Error('refused: not the hub');
  };
  ipcMain.handle(SHELL_CHANNELS.print, (event, ticket: unknown, template: unknown) => {
    checked(event);
    return bridge.print(ticket, template);
  });
  ipcMain.handle(SHELL_CHANNELS.printerStatus, (event) => {
    checked(event);
    return bridge.printerStatus();
  });
}
