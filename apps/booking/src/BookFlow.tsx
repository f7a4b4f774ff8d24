import type { BookingView, Catalogue } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { useEffect, useState } from 'react';
import type { Availability, CatalogueService } from './booking-api';
import { bookingApi } from './booking-api';
import type { T } from './booking-text';
import { dateText, sessionText } from './booking-text';
import { BookingCard } from './BookingCard';
import { DatePicker, SessionPicker } from './SchedulePickers';
import { IdentityForm } from './IdentityForm';
import { refusalText } from './refusal-messages';
import { ServicePicker } from './ServicePicker';

interface Props {
  t: T;
  language: Language;
  onFind: () => void;
}

type Agency = Catalogue['agencies'][number];

/** agency -> service -> date -> session -> identity -> confirmation. */
export function BookFlow({ t, language, onFind }: Props) {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [agency, setAgency] = useState<Agency | null>(null);
  const [service, setService] = useState<CatalogueService | null>(null);
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [booked, setBooked] = useState<BookingView | null>(null);

  useEffect(() => {
    void bookingApi
      .catalogue()
      .then((r) => (r.ok ? setCatalogue(r.value) : setError(r.error.code)));
  }, []);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [agency, service, date, sessionId, booked]);

  const chooseService = async (chosen: CatalogueService) => {
    setError(null);
    const result = await bookingApi.availability(chosen.id);
    if (!result.ok) return setError(result.error.code);
    setAvailability(result.value);
    setService(chosen);
  };

  if (booked && catalogue)
    return (
      <BookingCard
        t={t}
        language={language}
        view={booked}
        timezone={catalogue.site.timezone}
        justBooked
      >
        <button type="button" className="link-button" onClick={onFind}>
          {t('findLink')}
        </button>
      </BookingCard>
    );

  const day = availability?.days.find((d) => d.date === date) ?? null;
  const session = day?.sessions.find((s) => s.id === sessionId) ?? null;
  const step = !agency ? 1 : !service ? 2 : !date ? 3 : !session ? 4 : 5;
  const back = () => {
    setError(null);
    if (session) setSessionId(null);
    else if (date) setDate(null);
    else if (service) setService(null);
    else setAgency(null);
  };
  const agencies = (catalogue?.agencies ?? []).filter((a) =>
    a.services.some((s) => s.takesBookings),
  );

  return (
    <section className="flow">
      {step > 1 ? (
        <button type="button" className="back-button" onClick={back}>
          <span aria-hidden="true">‹</span> {t('back')}
        </button>
      ) : (
        <p className="intro">{t('intro')}</p>
      )}
      <p className="step-count">{t('stepOf', { n: step })}</p>
      {error ? (
        <p className="refusal" role="alert">
          {refusalText(error, language)}
        </p>
      ) : null}
      {!catalogue && !error ? <p className="muted">{t('loading')}</p> : null}
      {catalogue && step === 1 ? (
        <>
          <h1 className="step-title">{t('chooseAgency')}</h1>
          {agencies.length === 0 ? <p className="muted">{t('noBookableServices')}</p> : null}
          <ul className="choices">
            {agencies.map((a) => (
              <li key={a.id}>
                <button type="button" className="choice" onClick={() => setAgency(a)}>
                  <span className="choice-name">{a.name}</span>
                  <span className="choice-note">
                    {t('servicesCount', { n: a.services.filter((s) => s.takesBookings).length })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={onFind}>
            {t('findLink')}
          </button>
        </>
      ) : null}
      {agency && step === 2 ? (
        <ServicePicker
          t={t}
          agency={agency}
          services={agency.services.filter((s) => s.takesBookings)}
          onChoose={(s) => void chooseService(s)}
        />
      ) : null}
      {availability && service && step === 3 ? (
        <DatePicker
          t={t}
          language={language}
          heading={service.name}
          days={availability.days}
          onChoose={setDate}
        />
      ) : null}
      {day && service && step === 4 ? (
        <SessionPicker
          t={t}
          language={language}
          heading={`${service.name} · ${dateText(day.date, language)}`}
          day={day}
          onChoose={setSessionId}
        />
      ) : null}
      {service && day && session && catalogue && step === 5 ? (
        <IdentityForm
          t={t}
          language={language}
          siteName={catalogue.site.name}
          summary={t('summary', {
            service: service.name,
            date: dateText(day.date, language),
            session: sessionText(t, session.start, session.end, language),
          })}
          request={{ serviceId: service.id, date: day.date, sessionId: session.id }}
          onBooked={setBooked}
        />
      ) : null}
    </section>
  );
}
