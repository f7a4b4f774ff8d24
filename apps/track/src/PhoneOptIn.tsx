import type { OptInView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { useState } from 'react';
import type { MessageKey } from './messages';
import { notifyApi } from './notify-api';
import type { RefusalTexts } from './notify-refusal';
import { refusalTexts } from './notify-refusal';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

interface Props {
  t: T;
  language: Language;
  code: string;
  onOptedIn: (view: OptInView) => void;
}

/** A mobile number, given only with the visitor's explicit consent; the hub judges both. */
export function PhoneOptIn({ t, language, code, onOptedIn }: Props) {
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<RefusalTexts>({});

  const send = async () => {
    setSending(true);
    setRefusal({});
    const result = await notifyApi.byPhone(code, phone, consent, language);
    setSending(false);
    if (result.ok) onOptedIn(result.value);
    else setRefusal(refusalTexts(t, result.error));
  };

  return (
    <form
      className="notify-phone"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!sending) void send();
      }}
    >
      <label className="notify-label" htmlFor="notify-phone">
        {t('phoneLabel')}
      </label>
      <p className="notify-hint" id="notify-phone-hint">
        {t('phoneHint')}
      </p>
      <input
        id="notify-phone"
        className="notify-input"
        type="tel"
        inputMode="numeric"
        autoComplete="tel-national"
        placeholder="0812…"
        maxLength={20}
        value={phone}
        aria-invalid={refusal.phone ? true : undefined}
        aria-describedby={refusal.phone ? 'notify-phone-error' : 'notify-phone-hint'}
        onChange={(event) => setPhone(event.target.value)}
      />
      {refusal.phone ? (
        <p className="notify-field-error" id="notify-phone-error" role="alert">
          {refusal.phone}
        </p>
      ) : null}
      <label className={`notify-consent${refusal.consent ? ' is-invalid' : ''}`}>
        <input
          type="checkbox"
          checked={consent}
          aria-invalid={refusal.consent ? true : undefined}
          aria-describedby={refusal.consent ? 'notify-consent-error' : undefined}
          onChange={(event) => setConsent(event.target.checked)}
        />
        <span>{t('phoneConsent')}</span>
      </label>
      {refusal.consent ? (
        <p className="notify-field-error" id="notify-consent-error" role="alert">
          {refusal.consent}
        </p>
      ) : null}
      {refusal.form ? (
        <p className="survey-error" role="alert">
          {refusal.form}
        </p>
      ) : null}
      <button type="submit" className="survey-submit" disabled={sending}>
        {sending ? t('sending') : t('phoneSend')}
      </button>
    </form>
  );
}
