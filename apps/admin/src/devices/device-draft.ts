import type { DeviceSummary, KioskPrinter } from '@antre/protocol';
import { DisplaySettingsSchema, KioskSettingsSchema } from '@antre/protocol';

export type PrinterKind = KioskPrinter['kind'] | '';

/** A device's place and settings as the form holds them: numbers stay text until sent. */
export interface DeviceDraft {
  name: string;
  role: DeviceSummary['role'];
  zoneIds: string[];
  agencyIds: string[];
  kiosk: {
    printerKind: PrinterKind;
    host: string;
    port: string;
    path: string;
    model: 'epson' | 'generic';
    paperWidth: 58 | 80;
    idleSeconds: string;
    footer: string;
  };
  display: {
    recentCalls: string;
    agencyColumns: string[];
    showMedia: boolean;
    mediaSeconds: string;
    runningText: string;
    language: 'id' | 'en';
    voice: boolean;
    englishToo: boolean;
    repeatCall: boolean;
    announceAgency: boolean;
  };
}

/** Whether a kiosk's stored settings name a printer; the hub prints nowhere without one. */
export const hasPrinter = (settings: Record<string, unknown>): boolean =>
  KioskSettingsSchema.safeParse(settings).data?.printer !== undefined;

/** The form for a device as it is now; the reading schemas fill what was never set. */
export function draftOf(
  device: Pick<DeviceSummary, 'name' | 'role' | 'zoneIds' | 'agencyIds' | 'settings'>,
): DeviceDraft {
  const kiosk = KioskSettingsSchema.catch(KioskSettingsSchema.parse({})).parse(device.settings);
  const display = DisplaySettingsSchema.parse(device.settings);
  const printer = kiosk.printer;
  return {
    name: device.name,
    role: device.role,
    zoneIds: device.zoneIds,
    agencyIds: device.agencyIds,
    kiosk: {
      printerKind: printer?.kind ?? '',
      host: printer?.kind === 'tcp' ? printer.host : '',
      port: printer?.kind === 'tcp' && printer.port ? String(printer.port) : '',
      path: printer?.kind === 'device' ? printer.path : '',
      model: kiosk.model,
      paperWidth: kiosk.paperWidth,
      idleSeconds: String(kiosk.idleSeconds),
      footer: kiosk.footer ?? '',
    },
    display: {
      recentCalls: String(display.recentCalls),
      agencyColumns: display.agencyColumns,
      showMedia: display.showMedia,
      mediaSeconds: String(display.mediaSeconds),
      runningText: display.runningText,
      language: display.language,
      voice: display.voice,
      englishToo: display.voiceLanguages.includes('en'),
      repeatCall: display.repeatCall,
      announceAgency: display.announceAgency,
    },
  };
}

export const blankDraft = (role: 'kiosk' | 'display'): DeviceDraft =>
  draftOf({ name: '', role, zoneIds: [], agencyIds: [], settings: {} });

// Text that is not a whole number goes as it is, so the hub names the field ("Isi dengan angka").
const number = (text: string): number | string =>
  /^\s*-?\d+\s*$/.test(text) ? Number(text) : text;

function printerOf(k: DeviceDraft['kiosk']): Record<string, unknown> | undefined {
  if (k.printerKind === 'tcp')
    return { kind: 'tcp', host: k.host.trim(), ...(k.port.trim() ? { port: number(k.port) } : {}) };
  if (k.printerKind === 'device') return { kind: 'device', path: k.path.trim() };
  if (k.printerKind === '') return undefined;
  return { kind: k.printerKind };
}

/** The settings the form sends for the device's role. */
export function settingsOf(draft: DeviceDraft): Record<string, unknown> {
  if (draft.role === 'kiosk') {
    const k = draft.kiosk;
    const printer = printerOf(k);
    return {
      ...(printer ? { printer } : {}),
      model: k.model,
      paperWidth: k.paperWidth,
      idleSeconds: number(k.idleSeconds),
      footer: k.footer.trim(),
    };
  }
  if (draft.role === 'display') {
    const d = draft.display;
    return {
      recentCalls: number(d.recentCalls),
      agencyColumns: d.agencyColumns,
      showMedia: d.showMedia,
      mediaSeconds: number(d.mediaSeconds),
      runningText: d.runningText,
      language: d.language,
      voice: d.voice,
      voiceLanguages: d.englishToo ? ['id', 'en'] : ['id'],
      repeatCall: d.repeatCall,
      announceAgency: d.announceAgency,
    };
  }
  return {};
}

/** Zones mean something to a display, agencies to a kiosk; the other list is left as it is. */
export const placeOf = (draft: DeviceDraft) =>
  draft.role === 'display'
    ? { zoneIds: draft.zoneIds }
    : draft.role === 'kiosk'
      ? { agencyIds: draft.agencyIds }
      : {};
