import type { Building } from '@antre/domain';
import type { Language } from '@antre/ui';
import type { Section } from './building-drafts';
import type { Refusal } from '../config-api';
import { conflictText } from '../conflict-messages';
import { fieldErrors } from '@antre/ui';
import type { MessageKey, Translate } from '../messages';

const SECTION_WORD: Record<Section, MessageKey> = {
  zones: 'kindZone',
  agencies: 'kindAgency',
  services: 'kindService',
  counters: 'kindCounter',
};
const SHOWN = 5;

/** The building without one item; the hub decides whether that still holds together. */
export function withoutItem(building: Building, section: Section, id: string): Building {
  const list = building[section] as { id: string }[];
  return { ...building, [section]: list.filter((item) => item.id !== id) };
}

/**
 * Why the hub refused a delete, in words: a 409 gives reason codes to translate; a 400 names the
 * items that still point at the deleted one (`counters.4.zoneId`), named here from `sent`.
 */
export function refusalReason(
  refusal: Refusal,
  sent: Building,
  t: Translate,
  language: Language,
): string {
  const paths = Object.keys(fieldErrors(refusal));
  if (paths.length === 0) return conflictText(refusal.error, language);
  const users = new Set<string>();
  for (const path of paths) {
    const [section, index] = path.split('.') as [Section, string];
    const item = (sent[section] as { name?: string }[] | undefined)?.[Number(index)];
    const word = SECTION_WORD[section];
    users.add(item?.name && word ? `${t(word)} “${item.name}”` : path);
  }
  const all = [...users];
  const more = all.length - SHOWN;
  return t('stillUsedBy', {
    items: all.slice(0, SHOWN).join(', ') + (more > 0 ? t('andMore', { n: more }) : ''),
  });
}
