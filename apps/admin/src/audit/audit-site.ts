import type { Weekday } from '@antre/domain';
import { WEEKDAYS } from '@antre/domain';
import type { Language } from '@antre/ui';
import { humanised } from './audit-settings';
import type { MessageKey } from '../messages';
import { translate } from '../messages';

// The hub logs a site save as `{ setting: { before, after } }` (building-diff.ts); the log
// shows each setting by the name the site page gives it: "Jam kerja Senin: 07:30–15:00 → Libur".
const LABELS: Record<string, MessageKey> = {
  name: 'siteName',
  logo: 'logo',
  timezone: 'timezone',
  publicUrl: 'publicUrl',
  fridayPrayerBreak: 'prayerTitle',
  noShowRequeueMinutes: 'noShowRequeue',
  recallsBeforeNoShow: 'recallsBeforeNoShow',
  autoServeOnCall: 'autoServe',
  expireAfterCloseMinutes: 'expireAfterClose',
};

interface Change {
  before: unknown;
  after: unknown;
}
const isChange = (value: unknown): value is Change =>
  typeof value === 'object' && value !== null && 'before' in value && 'after' in value;

/** A site save's changes as "setting", "before → after" lines; null if not in that shape. */
export function siteChangeLines(
  changes: Record<string, unknown>,
  language: Language,
  yesNo: (value: boolean) => string,
): [string, string][] | null {
  const entries = Object.entries(changes);
  if (!entries.every(([, change]) => isChange(change))) return null;
  const t = translate(language);
  const label = (key: string): string => {
    const [group, part] = key.split('.') as [string, string | undefined];
    if (group === 'hours' && WEEKDAYS.includes(part as Weekday))
      return `${t('hoursTitle')} ${t(part as Weekday)}`;
    if (group === 'holidays' && part) return `${t('holidaysTitle')} ${dayMonthYear(part)}`;
    const word = LABELS[key];
    return word ? t(word) : humanised(key);
  };
  const shown = (key: string, value: unknown): string => {
    if (typeof value === 'boolean') return yesNo(value);
    if (value === null || value === undefined || value === '')
      return key.startsWith('hours.') ? t('closedDay') : '—';
    return String(value);
  };
  return (entries as [string, Change][]).map(([key, change]) => [
    label(key),
    `${shown(key, change.before)} → ${shown(key, change.after)}`,
  ]);
}

const dayMonthYear = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return y && m && d ? `${d}/${m}/${y}` : iso;
};
