// The hub names each bad field by a rule and its values (packages/protocol/src/field-rules.ts);
// forms say it in the admin's language from its catalogue. A rule this app does not know yet
// (a newer hub) is shown in the hub's English.

import type { FieldError, FieldRuleText } from '@antre/protocol';
import type { MessageKey } from './messages';
import { isMessageKey, translate } from './messages';

/** What a form knows of a bad field; its rule is any string, a newer hub may name a new one. */
export type FieldComplaint = Pick<FieldError, 'message' | 'values'> & { rule?: string };

// Every rule's text is in the catalogue, or this names the missing one and does not compile.
type Unworded = Exclude<FieldRuleText, MessageKey>;
const everyRuleWorded: [Unworded] extends [never] ? true : Unworded = true;
void everyRuleWorded;

/** The field's complaint in the admin's words, or null when this app does not know its rule. */
export function knownFieldMessage(field: FieldComplaint, language: 'id' | 'en'): string | null {
  const variant = field.values?.variant;
  const key = variant === undefined ? `field.${field.rule}` : `field.${field.rule}.${variant}`;
  return isMessageKey(key) ? translate(language)(key, field.values) : null;
}

export function fieldMessage(field: FieldComplaint, language: 'id' | 'en'): string {
  return knownFieldMessage(field, language) ?? field.message;
}

/** The language the app set on the page (App keeps <html lang> current). */
export const pageLanguage = (): 'id' | 'en' =>
  typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'id';
