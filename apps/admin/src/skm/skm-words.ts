import type { DemographicField, IkmGrade, SkmElement } from '@antre/domain';
import { SKM_WORDING } from '@antre/domain';
import type { Language } from '@antre/ui';
import type { MessageKey } from '../messages';
import { translate } from '../messages';

const LOCALE: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** The regulation names the elements in Indonesian (SKM_WORDING); these are for English. */
const SKM_ELEMENT_NAMES_EN: Record<SkmElement, string> = {
  U1: 'Requirements',
  U2: 'Systems, mechanisms and procedures',
  U3: 'Completion time',
  U4: 'Cost/tariff',
  U5: 'Service products',
  U6: 'Staff competence',
  U7: 'Staff conduct',
  U8: 'Facilities and infrastructure',
  U9: 'Handling of complaints and suggestions',
};

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
  grade ? translate(language)(`grade.${grade}`) : '—';
