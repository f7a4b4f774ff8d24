import type { ApiError } from '@antre/protocol';
import type { MessageKey } from '../messages';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Where a refusal is shown: under the number, under the consent, or above "Kirim". */
export interface RefusalTexts {
  phone?: string;
  consent?: string;
  form?: string;
}

const FIELD_KEYS = {
  phone: 'notifyPhoneInvalid',
  consent: 'notifyConsentMissing',
} as const satisfies Record<string, MessageKey>;

/** The hub's refusal in the visitor's words; its English message is for the logs. */
export function refusalTexts(t: T, error: ApiError): RefusalTexts {
  if (error.code === 'bad_request' && error.fields?.length) {
    const texts: RefusalTexts = {};
    for (const { path } of error.fields) {
      if (path === 'phone' || path === 'consent') texts[path] = t(FIELD_KEYS[path]);
      else texts.form = t('notifyFailed');
    }
    return texts;
  }
  if (error.code === 'rate_limited')
    return { form: t('notifyTooMany', { n: error.retryAfterSeconds ?? 60 }) };
  if (error.code === 'conflict') return { form: t('notifyFinished') };
  if (error.code === 'offline') return { form: t('offline') };
  return { form: t('notifyFailed') };
}
