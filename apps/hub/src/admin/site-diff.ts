import type { DayHours, Site } from '@antre/domain';
import { WEEKDAYS } from '@antre/domain';

type Plain = string | number | boolean | null;

/** One changed setting of the site, as the audit log shows it: "before → after". */
export interface SiteChange {
  before: Plain;
  after: Plain;
}

const span = (hours: DayHours | null | undefined): string | null =>
  hours ? `${hours.open}–${hours.close}` : null;

// A logo is 200 KB of base64: the log keeps its size, enough to tell one image from another.
export const logoSize = (logo: string | undefined): string | null =>
  logo ? `${Math.max(1, Math.round((logo.length * 3) / 4 / 1024))} KB` : null;

const isPlain = (value: unknown): value is Plain =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** Any other setting, nested ones as `policy.limit`: a new setting is logged without a change here. */
function addFlat(flat: Map<string, Plain>, key: string, value: unknown): void {
  if (value === undefined) return;
  if (isPlain(value)) flat.set(key, value);
  else if (typeof value === 'object' && !Array.isArray(value))
    for (const [inner, v] of Object.entries(value)) addFlat(flat, `${key}.${inner}`, v);
  else flat.set(key, JSON.stringify(value));
}

/** The site as flat "setting: value" pairs, so two versions compare setting by setting. */
function flatSite(site: Site): Map<string, Plain> {
  const { logo, hours, holidays, fridayPrayerBreak, ...rest } = site;
  const flat = new Map<string, Plain>([
    ['logo', logoSize(logo)],
    ['fridayPrayerBreak', span(fridayPrayerBreak)],
  ]);
  for (const [key, value] of Object.entries(rest)) addFlat(flat, key, value);
  for (const day of WEEKDAYS) flat.set(`hours.${day}`, span(hours[day]));
  for (const holiday of holidays) flat.set(`holidays.${holiday.date}`, holiday.name);
  return flat;
}

/** What changed in the site's settings, keyed by setting (`hours.mon`, `holidays.2026-12-25`). */
export function diffSite(before: Site, after: Site): Record<string, SiteChange> {
  const old = flatSite(before);
  const now = flatSite(after);
  const changes: Record<string, SiteChange> = {};
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const was = old.get(key) ?? null;
    const is = now.get(key) ?? null;
    if (was !== is) changes[key] = { before: was, after: is };
  }
  return changes;
}
