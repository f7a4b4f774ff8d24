import { checkNik } from '@antre/domain';
import type { BookingView } from '@antre/protocol';
import { BookingCodeSchema } from '@antre/protocol';
import type { Language } from '@antre/ui';
import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import type { Availability } from './booking-api';
import { bookingApi } from './booking-api';
import type { T } from './booking-text';
import { dateText } from './booking-text';
import { BookingCard } from './BookingCard';
import { NIK_PROBLEM_TEXT } from './IdentityForm';
import { refusalText } from './refusal-messages';
import { DatePicker, SessionPicker } from './SchedulePickers';

interface Props {
  t: T;
  language: Language;
  onNew: () => void;
}

/** "Cek / ubah / batalkan pesanan": find by code + NIK, then show, cancel or move. */
export function FindBooking({ t, language, onNew }: Props) {
  const [code, setCode] = useState('');
  const [nik, setNik] = useState('');
  const [checked, setChecked] = useState(false);
  const [view, setView] = useState<BookingView | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [timezone, setTimezone] = useState('WIB');
  const [confirming, setConfirming] = useState(false);
  const [moving, setMoving] = useState<Availability | null>(null);
  const [moveDate, setMoveDate] = useState<string | null>(null);

  useEffect(() => {
    void bookingApi.catalogue().then((r) => r.ok && setTimezone(r.value.site.timezone));
  }, []);

  const codeCheck = BookingCodeSchema.safeParse(code);
  const nikCheck = checkNik(nik);
  const nikValue = nikCheck.ok ? nikCheck.nik : '';
  const answer = (
    result: { ok: true; value: BookingView } | { ok: false; error: { code: string } },
  ) => {
    setConfirming(false);
    setMoving(null);
    setMoveDate(null);
    if (result.ok) {
      setView(result.value);
      setRefusal(null);
    } else setRefusal(result.error.code);
  };

  const find = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!codeCheck.success || !nikCheck.ok) return;
    answer(await bookingApi.find(codeCheck.data, nikValue));
  };
  const startMove = async (booking: BookingView) => {
    const result = await bookingApi.availability(booking.serviceId);
    if (result.ok) setMoving(result.value);
    else setRefusal(result.error.code);
  };

  const refusalLine = refusal ? (
    <p className="refusal" role="alert">
      {refusalText(refusal, language)}
    </p>
  ) : null;

  if (view && moving) {
    const day = moving.days.find((d) => d.date === moveDate);
    return (
      <section className="flow">
        <button
          type="button"
          className="back-button"
          onClick={() => (day ? setMoveDate(null) : setMoving(null))}
        >
          <span aria-hidden="true">‹</span> {t('back')}
        </button>
        <p className="step-kicker">{t('moveTitle')}</p>
        {refusalLine}
        {day ? (
          <SessionPicker
            t={t}
            language={language}
            heading={`${view.serviceName} · ${dateText(day.date, language)}`}
            day={day}
            onChoose={(sessionId) =>
              void bookingApi.move(view.code, nikValue, day.date, sessionId).then(answer)
            }
          />
        ) : (
          <DatePicker
            t={t}
            language={language}
            heading={view.serviceName}
            days={moving.days}
            onChoose={setMoveDate}
          />
        )}
      </section>
    );
  }

  if (view)
    return (
      <section className="flow">
        {refusalLine}
        <BookingCard t={t} language={language} view={view} timezone={timezone}>
          {view.status === 'booked' && !confirming ? (
            <div className="actions">
              <button
                type="button"
                className="secondary-button"
                onClick={() => void startMove(view)}
              >
                {t('move')}
              </button>
              <button type="button" className="danger-button" onClick={() => setConfirming(true)}>
                {t('cancelBooking')}
              </button>
            </div>
          ) : null}
          {confirming ? (
            <div className="confirm" role="alertdialog" aria-label={t('cancelBooking')}>
              <p>{t('cancelConfirm')}</p>
              <div className="actions">
                <button
                  type="button"
                  className="secondary-button"
                  onClick={() => setConfirming(false)}
                >
                  {t('cancelNo')}
                </button>
                <button
                  type="button"
                  className="danger-button"
                  onClick={() => void bookingApi.cancel(view.code, nikValue).then(answer)}
                >
                  {t('cancelYes')}
                </button>
              </div>
            </div>
          ) : null}
          <button type="button" className="link-button" onClick={onNew}>
            {t('newBooking')}
          </button>
        </BookingCard>
      </section>
    );

  return (
    <form className="flow identity" noValidate onSubmit={(e) => void find(e)}>
      <h1 className="step-title">{t('findTitle')}</h1>
      <p className="muted">{t('findLead')}</p>
      <label className="field">
        <span className="field-label">{t('code')}</span>
        <input
          name="code"
          autoCapitalize="characters"
          autoComplete="off"
          maxLength={12}
          value={code}
          aria-invalid={checked && !codeCheck.success}
          onChange={(e) => setCode(e.target.value)}
        />
        <span className="field-hint">{t('codeHint')}</span>
        {checked && !codeCheck.success ? (
          <span className="field-problem">{t('codeInvalid')}</span>
        ) : null}
      </label>
      <label className="field">
        <span className="field-label">{t('nik')}</span>
        <input
          name="nik"
          inputMode="numeric"
          autoComplete="off"
          maxLength={24}
          value={nik}
          aria-invalid={checked && !nikCheck.ok}
          onChange={(e) => setNik(e.target.value)}
        />
        {checked && !nikCheck.ok ? (
          <span className="field-problem">{t(NIK_PROBLEM_TEXT[nikCheck.problem])}</span>
        ) : null}
      </label>
      {refusalLine}
      <button type="submit" className="primary-button">
        {t('find')}
      </button>
      <button type="button" className="link-button" onClick={onNew}>
        {t('newBooking')}
      </button>
    </form>
  );
}
