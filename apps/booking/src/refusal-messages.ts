import type { BookingRefusal } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { MESSAGES, translate } from './messages';

/** Each refusal a citizen can meet has its words, with the next step to take. */
type RefusalCode = BookingRefusal | 'rate_limited' | 'bad_request' | 'offline' | 'internal';
type RefusalKey = `refusal.${RefusalCode}`;

const isRefusal = (key: string): key is RefusalKey => key in MESSAGES.id;

export function refusalText(code: string, language: Language): string {
  const key = `refusal.${code}`;
  return translate(language)(isRefusal(key) ? key : 'refusal.internal');
}
