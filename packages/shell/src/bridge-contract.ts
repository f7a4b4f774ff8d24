import type { PrintFailureReason, PrinterStatus, TicketContent } from '@antre/escpos';

export type ShellKind = 'kiosk' | 'counter' | 'display';
export const SHELL_KINDS: readonly ShellKind[] = ['kiosk', 'counter', 'display'];

export type ShellPrintResult =
  { ok: true } | { ok: false; reason: PrintFailureReason | 'no_printer' };

/** What the preload puts on `window.antreShell`, and nothing more. */
export interface AntreShellBridge {
  kind: ShellKind;
  version: string;
  /** `template`: the admin's receiptline template; the shell's default when left out. */
  print(ticket: TicketContent, template?: string): Promise<ShellPrintResult>;
  printerStatus(): Promise<PrinterStatus>;
}

export const SHELL_CHANNELS = {
  print: 'antre-shell:print',
  printerStatus: 'antre-shell:printer-status',
} as const;

// A sandboxed preload cannot read files; main hands it the kind and version as arguments.
const KIND_ARG = '--antre-shell-kind=';
const VERSION_ARG = '--antre-shell-version=';

export const identityArguments = (kind: ShellKind, version: string): string[] => [
  `${KIND_ARG}${kind}`,
  `${VERSION_ARG}${version}`,
];

export function identityFromArguments(argv: readonly string[]): {
  kind: ShellKind;
  version: string;
} {
  const value = (prefix: string) =>
    argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
  const kind = value(KIND_ARG);
  return {
    kind: SHELL_KINDS.find((known) => known === kind) ?? 'display',
    version: value(VERSION_ARG) ?? '0.0.0',
  };
}
