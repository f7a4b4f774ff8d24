import type { AntreShellBridge } from '@antre/shell';

// The Electron shell's preload bridge (packages/shell); absent in a plain browser.
declare global {
  interface Window {
    antreShell?: AntreShellBridge;
  }
}

/** The shell when this kiosk runs in it and prints to its own printer. */
export function kioskShell(): AntreShellBridge | null {
  const shell = window.antreShell;
  return shell && shell.kind === 'kiosk' ? shell : null;
}
