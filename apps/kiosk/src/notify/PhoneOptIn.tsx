import type { OptInView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { useState } from 'react';
import type { MessageKey } from '../messages';
import { optInByPhone } from './kiosk-notify-api';
import type { RefusalTexts } from './notify-refusal';
import { refusalTexts } from './notify-refusal';
import { PhoneKeypad } from './PhoneKeypad';

interface Props {
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  language: Language;
  ticketCode: string;
  ticketLabel: string;
  onDone: (view: OptInView) => void;
  onCancel: () => void;
}

// 08 and up to 13 more digits, or 628…: the hub checks the exact form.
const MAX_DIGITS = 15;

/** 081234567890 -> "0812 3456 7890": read back in groups, as on a phone. */
const grouped = (digits: string): string => digits.replace(/(\d{4})(?=\d)/g, '$1 ');

/**
 * "Kabari saya lewat ponsel": a number typed on big keys, given with explicit consent. Shown in
 * the result screen's own element (see ResultScreen).
 */
export function PhoneOptIn({ t, language, ticketCode, ticketLabel, onDone, onCancel }: Props) {
  const [digits, setDigits] = useState('');
  const [consent, setConsent] = useState(false);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<RefusalTexts>({});

  const send = async () => {
    setSending(true);
    setRefusal({});
    const result = await optInByPhone(ticketCode, digits, consent, language);
    setSending(false);
    if (result.ok) onDone(result.value);
    else setRefusal(refusalTexts(t, result.error));
  };
  const type = (next: string) => {
    setDigits(next);
    setRefusal(({ phone: _phone, ...rest }) => rest);
  };

  return (
    <>
      <div className="phone-opt-in-head">
        <h1 id="phone-opt-in-title" className="screen-title">
          {t('notifyOffer')}
        </h1>
        <p className="lead">{t('notifyTicket', { label: ticketLabel })}</p>
      </div>
      <div className="phone-opt-in-number">
        <p className="phone-label" id="phone-label">
          {t('phoneLabel')}
        </p>
        <output
          className={`phone-display${digits ? '' : ' is-empty'}${refusal.phone ? ' is-invalid' : ''}`}
          aria-labelledby="phone-label"
          data-testid="phone-display"
        >
          {digits ? grouped(digits) : t('phoneExample')}
        </output>
        {refusal.phone ? (
          <p className="phone-error" role="alert">
            {refusal.phone}
          </p>
        ) : null}
        <PhoneKeypad t={t} digits={digits} max={MAX_DIGITS} onChange={type} />
      </div>
      <div className="phone-opt-in-consent">
        <button
          type="button"
          role="checkbox"
          aria-checked={consent}
          aria-invalid={refusal.consent ? true : undefined}
          className={`consent-toggle${refusal.consent ? ' is-invalid' : ''}`}
          onClick={() => {
            setConsent((c) => !c);
            setRefusal(({ consent: _consent, ...rest }) => rest);
          }}
        >
          <span className="consent-box" aria-hidden="true">
            {consent ? '✓' : ''}
          </span>
          <span className="consent-text">{t('notifyConsent')}</span>
        </button>
        {refusal.consent ? (
          <p className="phone-error" role="alert">
            {refusal.consent}
          </p>
        ) : null}
        {refusal.form ? (
          <p className="notice" role="alert">
            {refusal.form}
          </p>
        ) : null}
        <div className="phone-opt-in-actions">
          <button type="button" className="secondary-button" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button
            type="button"
            className="primary-button"
            disabled={sending}
            onClick={() => void send()}
          >
            {sending ? t('sending') : t('notifySend')}
          </button>
        </div>
      </div>
    </>
  );
}
