import type { ApiError } from '@antre/protocol';
import type { MessageKey } from './messages';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Where a refusal is shown: next to the field it is about, or under the button. */
export interface RefusalTexts {
  phone?: string;
  consent?: string;
  form?: string;
}

const FIELD_TEXT: Record<string, { where: 'phone' | 'consent'; key: MessageKey }> = {
  phone: { where: 'phone', key: 'notifyPhoneInvalid' },
  consent: { where: 'consent', key: 'notifyConsentMissing' },
};

/** The hub's refusal of an opt-in, in the visitor's words (the hub's English is for logs). */
export function refusalTexts(t: T, error: ApiError): RefusalTexts {
  if (error.code === 'bad_request' && error.fields?.length) {
    const texts: RefusalTexts = {};
    for (const field of error.fields) {
      const known = FIELD_TEXT[field.path];
      if (known) texts[known.where] = t(known.key);
      else texts.form = t('notifyFailed');
    }
    return texts;
  }
  switch (error.code) {
    case 'rate_limited':
      return { form: t('notifyTooMany', { n: error.retryAfterSeconds ?? 60 }) };
    case 'conflict':
      return { form: t('notifyFinished') };
    case 'offline':
      return { form: t('errorOffline') };
    default:
      return { form: t('notifyFailed') };
  }
}
