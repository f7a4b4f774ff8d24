import type { Building } from '@antre/domain';
import type { Language } from '@antre/ui';
import type { Translate } from '../messages';

const NUMBER_LOCALE: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** "18,3" in Indonesian, "18.3" in English; a dash when there is nothing to show. */
export function formatNumber(value: number | null, language: Language, digits = 1): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(NUMBER_LOCALE[language], {
    maximumFractionDigits: digits,
  }).format(value);
}

export const formatShare = (share: number | null, language: Language): string =>
  share === null ? '—' : `${formatNumber(share * 100, language, 0)}%`;

export const formatMinutes = (minutes: number | null, t: Translate, language: Language): string =>
  minutes === null ? t('none') : t('minutes', { n: formatNumber(minutes, language) });

export function agencyNames(building: Building): Map<string, string> {
  return new Map(building.agencies.map((a) => [a.id, a.shortName || a.name]));
}
