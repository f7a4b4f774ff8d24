import type { Building, TimezoneCode } from '@antre/domain';
import type { AuditEntry } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { humanised, nestedText } from './audit-settings';
import { siteChangeLines } from './audit-site';
import type { Translate } from '../messages';
import { isMessageKey } from '../messages';

const IANA: Record<TimezoneCode, string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};
// Shown under "who" (the origin) or as the target and counter, not again among the details.
const SHOWN_ELSEWHERE = new Set(['ip', 'client', 'label', 'counterNumber']);
const MAX_LIST = 8;
const ITEM_LISTS = new Set(['added', 'removed', 'changed']);

/** "03/12/26 08.15.02 WITA": the building's clock, whatever the admin's computer says. */
export function siteTime(at: number, timezone: TimezoneCode, language: Language): string {
  const text = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: IANA[timezone],
  }).format(at);
  return `${text} ${timezone}`;
}

export function actionLabel(action: string, t: Translate): string {
  const key = `action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

/** "192.168.1.20 · Chrome 120 · Windows": the address and program an action came from. */
export function originText(detail: AuditEntry['detail']): string | null {
  const parts = [detail.ip, detail.client].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  return parts.length ? parts.join(' · ') : null;
}

/** A ticket's label with its service, or a changed thing's name rather than its id. */
export function targetText(entry: AuditEntry): string {
  if (entry.source === 'queue')
    return [entry.target, entry.serviceName].filter(Boolean).join(' · ') || '—';
  return entry.targetName ?? entry.target ?? '—';
}

/** The details as "key: value" lines, ids turned into names where the building knows them. */
export function detailLines(
  detail: AuditEntry['detail'],
  building: Building,
  t: Translate,
  language: Language,
): [string, string][] {
  const named = (id: unknown): string => {
    if (typeof id !== 'string') return valueText(id, t, language);
    // An edit is logged as "before → after".
    if (id.includes(' → ')) return id.split(' → ').map(named).join(' → ');
    return (
      building.services.find((s) => s.id === id)?.name ??
      building.agencies.find((a) => a.id === id)?.shortName ??
      building.zones.find((z) => z.id === id)?.name ??
      building.counters.find((c) => c.id === id)?.name ??
      id
    );
  };
  return Object.entries(detail)
    .filter(([key]) => !SHOWN_ELSEWHERE.has(key))
    .flatMap(([key, value]): [string, string][] => {
      // A site save lists each changed setting, before → after.
      const siteLines =
        key === 'site' && isRecord(value)
          ? siteChangeLines(value, language, (yes) => t(yes ? 'yes' : 'no'))
          : null;
      if (siteLines) return siteLines;
      // A save's added/removed/changed items (`services/kk-baru`) by name; none is no line.
      if (ITEM_LISTS.has(key) && Array.isArray(value)) {
        if (value.length === 0) return [];
        const names = value.map((item) => named(String(item).split('/').pop()));
        const word = `key.${key}`;
        return [[isMessageKey(word) ? t(word) : humanised(key), listText(names)]];
      }
      const word = `key.${key}`;
      const label = isMessageKey(word) ? t(word) : humanised(key);
      const byName = /(Id|Ids)$/.test(key);
      const text = Array.isArray(value)
        ? listText(byName ? value.map(named) : value.map((v) => valueText(v, t, language)))
        : byName
          ? named(value)
          : isRecord(value)
            ? nestedText(value, language, named)
            : valueText(value, t, language);
      return [[label, text]];
    });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function listText(items: string[]): string {
  if (items.length === 0) return '—';
  const shown = items.slice(0, MAX_LIST).join(', ');
  return items.length > MAX_LIST ? `${shown} +${items.length - MAX_LIST}` : shown;
}

function valueText(value: unknown, t: Translate, language: Language): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    // A code (a status, a reason, a role, a priority) reads as words; an edit side by side.
    if (value.includes(' → '))
      return value
        .split(' → ')
        .map((v) => valueText(v, t, language))
        .join(' → ');
    const word = [`value.${value}`, `priority.${value}`].find(isMessageKey);
    return word ? t(word) : value;
  }
  return isRecord(value) ? nestedText(value, language, String) : String(value);
}
