import type { IkmGrade, SkmElement } from '@antre/domain';
import { SKM_WORDING } from '@antre/domain';
import type { Language } from '@antre/ui';
import { GRADE_LABELS, SKM_ELEMENT_NAMES_EN } from './messages';

export const elementName = (element: string, language: Language): string => {
  const known = element as SkmElement;
  if (!(known in SKM_WORDING)) return element;
  return language === 'en' ? SKM_ELEMENT_NAMES_EN[known] : SKM_WORDING[known].name;
};

export const gradeLabel = (grade: IkmGrade | null, language: Language): string =>
  grade ? GRADE_LABELS[language][grade] : '—';
