import type { Building } from '@antre/domain';
import { z } from 'zod';
import { rule } from './field-rules';

export const LOGO_TYPES = ['png', 'jpeg', 'webp'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];
export const LOGO_MAX_BYTES = 200 * 1024;

const DATA_URL = /^data:image\/(png|jpeg|webp);base64,([A-Za-z0-9+/]+={0,2})$/;

// What each format's first bytes are; a renamed file of another kind is refused.
const SIGNATURES: Record<LogoType, (head: Uint8Array) => boolean> = {
  png: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  webp: (b) =>
    String.fromCharCode(...b.slice(0, 4)) === 'RIFF' &&
    String.fromCharCode(...b.slice(8, 12)) === 'WEBP',
};

export interface DecodedLogo {
  type: LogoType;
  base64: string;
  bytes: number;
}

/** The parts of a logo data URL, or null when it is not one. */
export function splitLogo(dataUrl: string): DecodedLogo | null {
  const match = DATA_URL.exec(dataUrl);
  if (!match) return null;
  const base64 = match[2]!;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return { type: match[1] as LogoType, base64, bytes: (base64.length * 3) / 4 - padding };
}

function headOf(base64: string): Uint8Array {
  try {
    return Uint8Array.from(atob(base64.slice(0, 16)), (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array();
  }
}

/** A logo as the admin's browser sends it: a small PNG, JPEG or WebP as a data URL. */
export const LogoSchema = z
  .string()
  // Base64 is 4/3 of the bytes; checking the length first keeps the regex on small strings.
  .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 40, rule('image_too_big'))
  .superRefine((value, ctx) => {
    const logo = splitLogo(value);
    if (!logo) ctx.addIssue({ code: 'custom', message: rule('image_type') });
    else if (logo.bytes > LOGO_MAX_BYTES)
      ctx.addIssue({ code: 'custom', message: rule('image_too_big') });
    else if (!SIGNATURES[logo.type](headOf(logo.base64)))
      ctx.addIssue({ code: 'custom', message: rule('image_type') });
  });

/** The building without its logo bytes: what apps showing logos by URL get, and what forms send. */
export function withoutLogos(building: Building): Building {
  const site = { ...building.site };
  delete site.logo;
  const agencies = building.agencies.map((a) => ({ ...a }));
  for (const agency of agencies) delete agency.logo;
  return { ...building, site, agencies };
}
