import { contextBridge, ipcRenderer } from 'electron';
import type { AntreShellBridge } from './bridge-contract';
import { identityFromArguments, SHELL_CHANNELS } from './bridge-contract';

// The only thing the page gets from the shell: three members and two calls, no Electron.
const { kind, version } = identityFromArguments(process.argv);
const bridge = {
  kind,
  version,
  print: (ticket, template) => ipcRenderer.invoke(SHELL_CHANNELS.print, ticket, template),
  printerStatus: () => ipcRenderer.invoke(SHELL_CHANNELS.printerStatus),
} satisfies AntreShellBridge;

contextBridge.exposeInMainWorld('antreShell', bridge);
