import type { ConflictReason } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { errorText } from '@antre/ui';
import type { FieldComplaint } from './field-messages';
import { knownFieldMessage } from './field-messages';
import { isMessageKey, translate } from './messages';

const SHOWN = 3;

/** What a form or page gets back from the hub when it says no. */
export interface RefusalWords {
  code?: string;
  message: string;
  fields?: readonly FieldComplaint[];
  reasons?: readonly ConflictReason[];
}

/**
 * Any hub refusal in the admin's language: a 409's reasons one sentence each, else the bad
 * fields' known messages, else the words for its error code. Never the hub's English message:
 * a code this app does not know yet (a newer hub) still reads as plain words.
 */
export function refusalText(refusal: RefusalWords, language: Language): string {
  const reasons = refusal.reasons ?? [];
  // The hub's 409 reasons, one sentence each; {name} is what was refused.
  if (reasons.length > 0 && reasons.every((r) => isMessageKey(`conflict.${r.code}`))) {
    const t = translate(language);
    const sentences = reasons
      .slice(0, SHOWN)
      .map((r) => t(`conflict.${r.code}`, { name: r.name, label: r.label ?? '' }));
    const more = reasons.length - SHOWN;
    if (more > 0) sentences.push(t('conflict.more', { n: more }));
    return sentences.join(' ');
  }
  const fields = (refusal.fields ?? [])
    .map((field) => knownFieldMessage(field, language))
    .filter((text): text is string => text !== null);
  if (fields.length > 0) return [...new Set(fields)].join(' ');
  return errorText(refusal.code ?? 'conflict', language);
}

/** The name the config pages first used, for 409s; reads any refusal the same way. */
export const conflictText = refusalText;

/**
 * The notice over a page or form the hub refused: fix the marked fields (400), could not be
 * saved and why (409), not allowed (403), else refused and why.
 */
export function refusalNotice(
  refusal: { status: number; error: RefusalWords },
  language: Language,
): string {
  const t = translate(language);
  if (refusal.status === 400) return t('fixFields');
  if (refusal.status === 409)
    return t('conflict', { reason: refusalText(refusal.error, language) });
  if (refusal.status === 403) return t('forbidden');
  return t('refused', { reason: refusalText(refusal.error, language) });
}
