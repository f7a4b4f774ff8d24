import type { PaperWidth, PrinterConfig, PrinterModel } from '@antre/escpos';
import type { ShellKind } from './bridge-contract';
import { SHELL_KINDS } from './bridge-contract';

export interface ShellConfig {
  app: ShellKind;
  /** the hub's base URL, e.g. http://192.168.1.10:8080 */
  hubUrl: string;
  /**
   * The building's other hub processes on a cluster without a load balancer in front
   * (docs/deploy.md): the shell moves to whichever of them says it is active (hub-watch.ts).
   */
  hubUrls?: string[];
  /** the device token the admin gave this machine, handed to the app as `?token=` */
  deviceToken?: string;
  printer?: ShellPrinterConfig;
  paperWidth: PaperWidth;
  model: PrinterModel;
}

/**
 * The hub's transports, plus two only a kiosk PC has: a printer installed in the OS (Windows
 * spooler or CUPS, by its name) and a raw ESC/POS printer on USB (by vendor and product id).
 */
export type ShellPrinterConfig =
  | PrinterConfig
  | { kind: 'os'; name: string }
  | { kind: 'usb'; vendorId: number; productId: number };

export type ConfigResult = { ok: true; value: ShellConfig } | { ok: false; error: string };

/** Checks a config read from JSON; every problem is named so the person installing can fix it. */
export function parseShellConfig(input: unknown): ConfigResult {
  if (typeof input !== 'object' || input === null) return fail('the config is not a JSON object');
  const raw = input as Record<string, unknown>;
  const app = SHELL_KINDS.find((kind) => kind === raw.app);
  if (!app) return fail(`"app" must be one of ${SHELL_KINDS.join(', ')}`);
  // `--hub-url a,b` names the first hub and the others of its building.
  const [firstUrl, ...restUrls] =
    typeof raw.hubUrl === 'string' ? raw.hubUrl.split(',').map((u) => u.trim()) : [raw.hubUrl];
  const hubUrl = httpOrigin(firstUrl);
  if (!hubUrl) return fail('"hubUrl" must be an http(s) URL such as http://192.168.1.10:8080');
  if (raw.hubUrls !== undefined && !Array.isArray(raw.hubUrls))
    return fail('"hubUrls" must be a list of http(s) URLs');
  const others: string[] = [];
  for (const url of [...restUrls, ...((raw.hubUrls as unknown[] | undefined) ?? [])]) {
    const origin = httpOrigin(url);
    if (!origin) return fail(`"hubUrls": ${String(url)} is not an http(s) URL`);
    if (origin !== hubUrl && !others.includes(origin)) others.push(origin);
  }
  if (
    raw.deviceToken !== undefined &&
    (typeof raw.deviceToken !== 'string' || raw.deviceToken === '')
  ) {
    return fail('"deviceToken" must be a non-empty string');
  }
  const paperWidth = raw.paperWidth ?? 80;
  if (paperWidth !== 58 && paperWidth !== 80) return fail('"paperWidth" must be 58 or 80');
  const model = raw.model ?? 'epson';
  if (model !== 'epson' && model !== 'generic') return fail('"model" must be epson or generic');
  const printer = raw.printer === undefined ? undefined : parsePrinter(raw.printer);
  if (printer === null)
    return fail(
      '"printer" must be {kind:"tcp",host}, {kind:"device",path}, {kind:"os",name}, ' +
        '{kind:"usb",vendorId,productId} or {kind:"virtual",dir}',
    );
  return {
    ok: true,
    value: {
      app,
      hubUrl,
      ...(others.length > 0 ? { hubUrls: others } : {}),
      ...(typeof raw.deviceToken === 'string' ? { deviceToken: raw.deviceToken } : {}),
      ...(printer ? { printer } : {}),
      paperWidth,
      model,
    },
  };
}

const fail = (error: string): ConfigResult => ({ ok: false, error });

function httpOrigin(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

function parsePrinter(value: unknown): ShellPrinterConfig | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  const int = (v: unknown, min: number, max: number): v is number =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
  if (raw.kind === 'tcp' && text(raw.host)) {
    if (raw.port !== undefined && !int(raw.port, 1, 65535)) return null;
    if (raw.timeoutMs !== undefined && !int(raw.timeoutMs, 100, 30_000)) return null;
    return {
      kind: 'tcp',
      host: raw.host,
      ...(raw.port !== undefined ? { port: raw.port as number } : {}),
      ...(raw.timeoutMs !== undefined ? { timeoutMs: raw.timeoutMs as number } : {}),
    };
  }
  if (raw.kind === 'device' && text(raw.path)) return { kind: 'device', path: raw.path };
  if (raw.kind === 'os' && text(raw.name)) return { kind: 'os', name: raw.name };
  if (raw.kind === 'usb' && int(raw.vendorId, 1, 0xffff) && int(raw.productId, 0, 0xffff))
    return { kind: 'usb', vendorId: raw.vendorId, productId: raw.productId };
  if (raw.kind === 'virtual' && text(raw.dir)) return { kind: 'virtual', dir: raw.dir };
  return null;
}

/**
 * `tcp://10.0.0.5:9100`, `device:/dev/usb/lp0`, `os:EPSON TM-T82 Receipt`, `usb:04b8:0202`
 * (hexadecimal ids, as Device Manager and lsusb show them) or `virtual:/var/lib/antre/printed`.
 */
export function printerFromArgument(value: string): ShellPrinterConfig | null {
  if (value.startsWith('tcp://')) {
    try {
      const url = new URL(value);
      return { kind: 'tcp', host: url.hostname, ...(url.port ? { port: Number(url.port) } : {}) };
    } catch {
      return null;
    }
  }
  if (value.startsWith('device:') && value.length > 7)
    return { kind: 'device', path: value.slice(7) };
  if (value.startsWith('os:') && value.length > 3) return { kind: 'os', name: value.slice(3) };
  const usb = /^usb:([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(value);
  if (usb?.[1] && usb[2])
    return { kind: 'usb', vendorId: parseInt(usb[1], 16), productId: parseInt(usb[2], 16) };
  if (value.startsWith('virtual:') && value.length > 8)
    return { kind: 'virtual', dir: value.slice(8) };
  return null;
}

const FLAGS: Record<string, string> = {
  '--app': 'app',
  '--hub-url': 'hubUrl',
  '--device-token': 'deviceToken',
  '--paper-width': 'paperWidth',
  '--model': 'model',
  '--printer': 'printer',
};

/**
 * The config file (`--config <path>`, else `defaultPath`) with command-line flags on top:
 * `--app kiosk --hub-url http://… --printer tcp://10.0.0.5:9100 --paper-width 58`.
 */
export function loadShellConfig(
  argv: readonly string[],
  readText: (path: string) => string | null,
  defaultPath: string,
): ConfigResult {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [flag = '', inline] = (argv[i] ?? '').split(/=(.*)/s, 2);
    if (flag !== '--config' && !(flag in FLAGS)) continue;
    const value = inline ?? argv[++i];
    if (value !== undefined) flags.set(flag, value);
  }
  const path = flags.get('--config') ?? defaultPath;
  const text = readText(path);
  let fromFile: Record<string, unknown> = {};
  if (text !== null) {
    try {
      fromFile = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return fail(`${path} is not valid JSON`);
    }
  } else if (flags.has('--config')) {
    return fail(`cannot read ${path}`);
  }
  const overrides: Record<string, unknown> = {};
  for (const [flag, key] of Object.entries(FLAGS)) {
    const value = flags.get(flag);
    if (value === undefined) continue;
    if (key === 'paperWidth') overrides[key] = Number(value);
    else if (key === 'printer') overrides[key] = printerFromArgument(value) ?? value;
    else overrides[key] = value;
  }
  return parseShellConfig({ ...fromFile, ...overrides });
}

/** Every hub origin of the building the shell may show: `hubUrl` first. */
export const hubOrigins = (config: ShellConfig): string[] => [
  config.hubUrl,
  ...(config.hubUrls ?? []),
];

/**
 * The page the window opens: the app on the hub (`hub`, one of `hubOrigins`; the first by
 * default), with the device token on first start.
 */
export function startUrl(config: ShellConfig, hub: string = config.hubUrl): string {
  const url = new URL(`/${config.app}/`, hub);
  if (config.deviceToken) url.searchParams.set('token', config.deviceToken);
  return url.toString();
}
