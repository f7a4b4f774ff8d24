import type { DemographicField, IkmGrade, SkmElement } from '@antre/domain';
import { SKM_WORDING } from '@antre/domain';
import type { Language } from '@antre/ui';
import type { MessageKey } from './messages';
import { GRADE_LABELS, SKM_ELEMENT_NAMES_EN } from './messages';

const LOCALE: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * NRR and IKM always with the same decimals, as the regulation's tables show them: "3,00"
 * and "3,67", never "3" beside "3,67". Indonesian uses the decimal comma.
 */
export function formatScore(value: number | null, language: Language, digits = 2): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(LOCALE[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** The report's order: sex, age, education, occupation. */
export const PROFILE_FIELDS: readonly [DemographicField, MessageKey][] = [
  ['sex', 'profileSex'],
  ['ageBand', 'profileAgeBand'],
  ['education', 'profileEducation'],
  ['job', 'profileJob'],
];

export const elementName = (element: string, language: Language): string => {
  const known = element as SkmElement;
  if (!(known in SKM_WORDING)) return element;
  return language === 'en' ? SKM_ELEMENT_NAMES_EN[known] : SKM_WORDING[known].name;
};

export const gradeLabel = (grade: IkmGrade | null, language: Language): string =>
  grade ? GRADE_LABELS[language][grade] : '—';
