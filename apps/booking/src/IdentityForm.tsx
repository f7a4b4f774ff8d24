import type { NikProblem } from '@antre/domain';
import { checkNik } from '@antre/domain';
import type { BookingView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { bookingApi } from './booking-api';
import type { T } from './booking-text';
import type { MessageKey } from './messages';
import { refusalText } from './refusal-messages';

export const NIK_PROBLEM_TEXT: Record<NikProblem, MessageKey> = {
  format: 'nikFormat',
  all_zeros: 'nikAllZeros',
  province: 'nikProvince',
  region: 'nikRegion',
  birth_date: 'nikBirthDate',
  serial: 'nikSerial',
};

const PHONE = /^(\+62|62|0)8\d{7,12}$/;

interface Props {
  t: T;
  language: Language;
  siteName: string;
  summary: string;
  request: { serviceId: string; date: string; sessionId: string };
  onBooked: (view: BookingView) => void;
}

/** NIK, name and an optional phone kept only with consent; checked here, then by the hub. */
export function IdentityForm({ t, language, siteName, summary, request, onBooked }: Props) {
  const [nik, setNik] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [checked, setChecked] = useState(false);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const nikCheck = checkNik(nik);
  const phoneText = phone.replace(/[\s-]/g, '');
  const problems = {
    nik: nikCheck.ok ? null : t(NIK_PROBLEM_TEXT[nikCheck.problem]),
    name: name.trim().length >= 2 ? null : t('nameShort'),
    phone: phoneText === '' || PHONE.test(phoneText) ? null : t('phoneInvalid'),
    consent: phoneText !== '' && !consent ? t('consentNeeded') : null,
  };
  const shown = (field: keyof typeof problems) => (checked ? problems[field] : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setRefusal(null);
    if (!nikCheck.ok || Object.values(problems).some(Boolean)) return;
    setSending(true);
    const result = await bookingApi.create({
      ...request,
      nik: nikCheck.nik,
      name: name.trim(),
      ...(phoneText ? { phone: phoneText, consent: true } : {}),
      language,
    });
    setSending(false);
    if (result.ok) onBooked(result.value);
    else setRefusal(result.error.code);
  };

  return (
    <form className="identity" noValidate onSubmit={(e) => void submit(e)}>
      <h1 className="step-title">{t('yourIdentity')}</h1>
      <p className="summary">{summary}</p>
      <label className="field">
        <span className="field-label">{t('nik')}</span>
        <input
          name="nik"
          inputMode="numeric"
          autoComplete="off"
          maxLength={24}
          value={nik}
          aria-invalid={Boolean(shown('nik'))}
          onChange={(e) => setNik(e.target.value)}
        />
        <span className="field-hint">{t('nikHint')}</span>
        {shown('nik') ? <span className="field-problem">{shown('nik')}</span> : null}
      </label>
      <label className="field">
        <span className="field-label">{t('name')}</span>
        <input
          name="name"
          autoComplete="name"
          maxLength={120}
          value={name}
          aria-invalid={Boolean(shown('name'))}
          onChange={(e) => setName(e.target.value)}
        />
        {shown('name') ? <span className="field-problem">{shown('name')}</span> : null}
      </label>
      <label className="field">
        <span className="field-label">{t('phone')}</span>
        <input
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
          value={phone}
          aria-invalid={Boolean(shown('phone'))}
          onChange={(e) => setPhone(e.target.value)}
        />
        <span className="field-hint">{t('phoneHint')}</span>
        {shown('phone') ? <span className="field-problem">{shown('phone')}</span> : null}
      </label>
      {phoneText ? (
        <label className="consent">
          <input
            type="checkbox"
            name="consent"
            checked={consent}
            onChange={(e) => setConsent(e.target.checked)}
          />
          <span>{t('consent', { site: siteName })}</span>
        </label>
      ) : null}
      {shown('consent') ? <p className="field-problem">{shown('consent')}</p> : null}
      {refusal ? (
        <p className="refusal" role="alert">
          {refusalText(refusal, language)}
        </p>
      ) : null}
      <button type="submit" className="primary-button" disabled={sending}>
        {sending ? t('sending') : t('book')}
      </button>
    </form>
  );
}
