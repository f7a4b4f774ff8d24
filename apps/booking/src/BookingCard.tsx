import type { TimezoneCode } from '@antre/domain';
import type { BookingView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { formatTime } from '@antre/ui';
import type { ReactNode } from 'react';
import type { T } from './booking-text';
import { cancelReasonText, dateText, placeText } from './booking-text';
import { calendarFile, downloadCalendarFile } from './calendar-file';
import type { MessageKey } from './messages';
import { QrImage } from './QrImage';

const STATUS_TEXT: Record<BookingView['status'], MessageKey> = {
  booked: 'statusBooked',
  checked_in: 'statusCheckedIn',
  cancelled: 'statusCancelled',
  no_show: 'statusNoShow',
};

interface Props {
  t: T;
  language: Language;
  view: BookingView;
  timezone: string;
  /** Just booked: the heading says so; a booking found later says its status. */
  justBooked?: boolean;
  /** Actions under the card: cancel, move, find. */
  children?: ReactNode;
}

/** The confirmation, and a found booking: everything the citizen needs to come and check in. */
export function BookingCard({ t, language, view, timezone, justBooked, children }: Props) {
  const tz = timezone as TimezoneCode;
  const time = (at: number) => formatTime(at, tz, language);
  const session = `${time(view.sessionStart)}–${time(view.sessionEnd)} ${tz}`;
  const place = placeText(t, view);
  const active = view.status === 'booked';
  const saveCalendar = async () => {
    const content = await calendarFile(view, {
      title: `${view.serviceName} — ${view.agencyName}`,
      location: [view.agencyName, place].filter(Boolean).join(', '),
      description: [
        `${t('bookingCode')}: ${view.code}`,
        `${t('checkIn')}: ${time(view.checkInOpensAt)}–${time(view.checkInClosesAt)} ${tz}`,
        `${t('bring')}: ${[t('bringKtp'), ...view.requirements].join('; ')}`,
      ].join('\n'),
    });
    downloadCalendarFile(`antrean-${view.code}.ics`, content);
  };

  return (
    <section className="card booking-card" data-status={view.status}>
      <p className={`status status-${view.status}`}>
        {justBooked && active ? t('confirmed') : t(STATUS_TEXT[view.status])}
      </p>
      {view.status === 'cancelled' ? (
        <p className="refusal" role="status">
          {cancelReasonText(t, view.cancelReason)}{' '}
          {view.cancelReason === 'citizen' ? '' : t('reasonNext')}
        </p>
      ) : null}
      {view.status === 'no_show' ? <p className="refusal">{t('noShowNote')}</p> : null}
      <p className="code-label">{t('bookingCode')}</p>
      <p className="code" data-testid="booking-code">
        {view.code}
      </p>
      {active ? (
        <>
          <QrImage text={view.code} size={220} label={`${t('bookingCode')} ${view.code}`} />
          <p className="muted center">{t('showAtKiosk')}</p>
        </>
      ) : null}
      {view.status === 'checked_in' && view.ticketCode ? (
        <p className="center">
          {t('checkedInNote')}{' '}
          <a href={`/t/${encodeURIComponent(view.ticketCode)}`}>{t('trackTicket')}</a>
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('date')}</dt>
        <dd>{dateText(view.date, language)}</dd>
        <dt>{t('session')}</dt>
        <dd>{session}</dd>
        <dt>{t('service')}</dt>
        <dd>{view.serviceName}</dd>
        <dt>{t('agency')}</dt>
        <dd>{view.agencyName}</dd>
        {place ? (
          <>
            <dt>{t('place')}</dt>
            <dd>{place}</dd>
          </>
        ) : null}
        {active ? (
          <>
            <dt>{t('checkIn')}</dt>
            <dd>
              {t('checkInWindow', {
                from: time(view.checkInOpensAt),
                to: `${time(view.checkInClosesAt)} ${tz}`,
              })}
              <span className="dd-note">{t('checkInNote')}</span>
            </dd>
          </>
        ) : null}
      </dl>
      <p className="muted">{t('bookedFor', { name: view.name, last4: view.nikLast4 })}</p>
      {active ? (
        <>
          <h2 className="card-heading">{t('bring')}</h2>
          <ul className="bring">
            <li>{t('bringKtp')}</li>
            {view.requirements.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <button type="button" className="secondary-button" onClick={() => void saveCalendar()}>
            {t('addToCalendar')}
          </button>
          <p className="muted">{t('saveCode')}</p>
        </>
      ) : null}
      {children}
    </section>
  );
}
