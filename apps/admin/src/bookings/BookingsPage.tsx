import type { BookingListItem } from '@antre/protocol';
import { callHub } from '@antre/ui';
import { useEffect, useState } from 'react';
import { cancelReasonWords } from './cancel-reason';
import { refusalText } from '../conflict-messages';
import { FileButtons } from '../components/ExportButtons';
import { downloadFile } from '../file-download';
import type { PageProps } from '../page-props';

const STATUSES = ['booked', 'checked_in', 'served', 'no_show', 'cancelled'] as const;

/** Today's and upcoming bookings of one service, by session, with search and files. */
export function BookingsPage(props: PageProps) {
  const { t, session, building, today, language } = props;
  const agencyId = session.user.role === 'admin' ? null : session.user.agencyId;
  const services = building.services.filter(
    (s) => s.booking && (agencyId === null || s.agencyId === agencyId),
  );
  const [serviceId, setServiceId] = useState(services[0]?.id ?? '');
  const [date, setDate] = useState(today);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<BookingListItem[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const query = { serviceId, date, ...(q ? { q } : {}) };

  useEffect(() => {
    if (!serviceId) return;
    let live = true;
    void callHub('GET /api/admin/bookings', { token: session.token, query }).then((got) => {
      if (!live) return;
      if (got.ok) return (setRows(got.value.bookings), setFailed(null));
      if (got.status === 401) props.onUnauthorized();
      setFailed(refusalText(got.error, language));
    });
    return () => {
      live = false;
    };
  }, [serviceId, date, q]);

  if (services.length === 0) return <p>{t('noServices')}</p>;
  const sessions = services.find((s) => s.id === serviceId)?.booking?.sessions ?? [];
  const list = rows ?? [];
  return (
    <section className="bookings-page">
      <h1>{t('pageTitle')}</h1>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(typed.trim());
        }}
      >
        <label>
          {t('service')}
          <select
            aria-label={t('service')}
            value={serviceId}
            onChange={(e) => setServiceId(e.target.value)}
          >
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('date')}
          <input
            type="date"
            aria-label={t('date')}
            min={today}
            value={date}
            onChange={(e) => setDate(e.target.value || today)}
          />
        </label>
        <label>
          {t('search')}
          <input
            type="search"
            aria-label={t('search')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        <button type="submit">{t('searchButton')}</button>
        <FileButtons
          t={t}
          testId="export-bookings"
          save={(format) =>
            downloadFile(
              `antre-booking-${serviceId}-${date}.${format}`,
              'GET /api/admin/bookings',
              {
                token: session.token,
                query: { ...query, format },
              },
            )
          }
        />
      </form>
      {failed && <p className="form-error">{t('bookingsLoadFailed', { reason: failed })}</p>}
      <ul className="booking-counts" data-testid="booking-counts">
        {STATUSES.map((s) => (
          <li key={s}>
            {t(`st_${s}`)}: <strong>{list.filter((r) => r.status === s).length}</strong>
          </li>
        ))}
      </ul>
      {rows && list.length === 0 && <p>{t('noBookings')}</p>}
      {sessions
        .map((s) => ({ s, mine: list.filter((r) => r.sessionId === s.id) }))
        .filter(({ mine }) => mine.length > 0)
        .map(({ s, mine }) => (
          <table key={s.id} className="booking-table" data-testid={`bookings-${s.id}`}>
            <caption>
              {t('sessionHead', { start: `${s.start}–${s.end}` })} · {mine.length}/{s.places}
            </caption>
            <thead>
              <tr>
                <th>{t('bookingCode')}</th>
                <th>{t('name')}</th>
                <th>{t('nik')}</th>
                <th>{t('ticket')}</th>
                <th>{t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {mine.map((r) => (
                <tr key={r.code}>
                  <td>
                    <code>{r.code}</code>
                  </td>
                  <td>{r.name ?? '—'}</td>
                  <td>…{r.nikLast4}</td>
                  <td>{r.ticketLabel ?? '—'}</td>
                  <td>
                    {t(`st_${r.status}`)}
                    {r.status === 'cancelled' && r.cancelReason
                      ? ` (${cancelReasonWords(t, r.cancelReason)})`
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
