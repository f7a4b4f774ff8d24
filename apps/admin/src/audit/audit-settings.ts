import type { Language } from '@antre/ui';
import { isMessageKey, translate } from '../messages';

// A device's settings in the audit log, as the admin set them on the device page:
// "Printer: Virtual · Kertas: 80 mm", never raw JSON.
const SECONDS = new Set(['idleSeconds', 'mediaSeconds']);
const LONGEST = 60;

/** "paperWidth" or "agency_ids" as "Paper width", "Agency ids": a key this page has no word for. */
export const humanised = (key: string): string => {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * A nested value (a device's settings, or anything newer) as "Label: value" parts joined by
 * " · ". `named` turns an id into its name (agency columns).
 */
export function nestedText(
  value: Record<string, unknown>,
  language: Language,
  named: (id: string) => string,
): string {
  const t = translate(language);
  const word = (key: string, fallback: string): string => {
    const setting = `setting.${key}`;
    return isMessageKey(setting) ? t(setting) : fallback;
  };
  const plain = (key: string, v: unknown): string | null => {
    if (v === null || v === undefined || v === '') return null;
    if (typeof v === 'boolean') return v ? t('yes') : t('no');
    if (key === 'paperWidth' && typeof v === 'number') return t('mm', { n: v });
    if (SECONDS.has(key) && typeof v === 'number') return t('seconds', { n: v });
    if (key === 'printer' && typeof v === 'object' && !Array.isArray(v)) return printerText(v);
    if (Array.isArray(v)) {
      const items = v.map((item) => (key === 'agencyColumns' ? named(String(item)) : item));
      const itemKey = key === 'voiceLanguages' ? 'language' : key;
      const texts = items.map((item) => plain(itemKey, item)).filter(Boolean);
      return texts.length ? texts.join(', ') : '—';
    }
    if (typeof v === 'object')
      return `(${nestedText(v as Record<string, unknown>, language, named)})`;
    const text = String(v);
    const shown = word(`${key}.${text}`, text);
    return shown.length > LONGEST ? `${shown.slice(0, LONGEST)}…` : shown;
  };
  const printerText = (printer: object): string => {
    const { kind, host, port, path } = printer as Record<string, unknown>;
    const where = host ? `${String(host)}${port ? `:${String(port)}` : ''}` : path;
    return [word(`printer.${String(kind)}`, String(kind)), where].filter(Boolean).join(' ');
  };
  const parts = Object.entries(value)
    .map(([key, v]) => {
      const text = plain(key, v);
      return text === null ? null : `${word(key, humanised(key))}: ${text}`;
    })
    .filter((part): part is string => part !== null);
  return parts.length ? parts.join(' · ') : '—';
}
