import type { BookingSettings, Building } from '@antre/domain';
import type { FieldErrors } from '@antre/ui';
import type { Service } from './building-drafts';
import { SelectField, TextField } from '../components/ConfigField';
import { errorUnder } from '../field-paths';
import { fieldMessage, pageLanguage } from '../field-messages';
import { ClosureWarning } from './ClosureWarning';
import type { Translate } from '../messages';

const DEFAULT_SETTINGS: BookingSettings = {
  sessions: [{ id: 'sesi-1', start: '08:00', end: '10:00', places: 10 }],
  daysAhead: 14,
  cutoff: { kind: 'day_before', at: '16:00' },
  onlineOnly: [],
  checkInEarlyMinutes: 30,
  checkInLateMinutes: 15,
  lateArrival: 'refuse',
  ticketMark: 'B',
  closedDates: [],
};
const num = (text: string): number => (text.trim() === '' ? NaN : Number(text));
const shown = (n: number): string => (Number.isNaN(n) ? '' : String(n));
const freeSessionId = (taken: string[]): string => {
  let n = taken.length + 1;
  while (taken.includes(`sesi-${n}`)) n++;
  return `sesi-${n}`;
};

/** The service's "Antrean online" section; errors are keyed under `booking.`. */
export function BookingSettingsFields(props: {
  t: Translate;
  building: Building;
  draft: Service;
  onChange: (booking: BookingSettings | null) => void;
  errors: FieldErrors;
}) {
  const { t } = props;
  const b = props.draft.booking ?? null;
  const e = (path: string) => errorUnder(props.errors, `booking.${path}`);
  const set = (patch: Partial<BookingSettings>) => b && props.onChange({ ...b, ...patch });
  return (
    <fieldset className="booking-settings" data-testid="booking-settings">
      <legend>{t('onlineBookingTitle')}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={b !== null}
          onChange={(ev) => props.onChange(ev.target.checked ? DEFAULT_SETTINGS : null)}
        />
        {t('bookingEnabled')}
      </label>
      {b && (
        <>
          <h4>{t('sessions')}</h4>
          {b.sessions.map((s, i) => {
            const put = (patch: Partial<typeof s>) =>
              set({ sessions: b.sessions.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            return (
              <div className="form-grid booking-row" key={i} data-testid={`booking-session-${i}`}>
                <TextField
                  label={t('start')}
                  type="time"
                  value={s.start}
                  onChange={(start) => put({ start })}
                  error={e(`sessions.${i}.start`) ?? props.errors[`booking.sessions.${i}`]}
                />
                <TextField
                  label={t('end')}
                  type="time"
                  value={s.end}
                  onChange={(end) => put({ end })}
                  error={e(`sessions.${i}.end`)}
                />
                <TextField
                  label={t('places')}
                  type="number"
                  value={shown(s.places)}
                  onChange={(v) => put({ places: num(v) })}
                  error={e(`sessions.${i}.places`)}
                />
                <button
                  type="button"
                  className="secondary"
                  disabled={b.sessions.length === 1}
                  aria-label={t('removeSession', { n: i + 1 })}
                  onClick={() => set({ sessions: b.sessions.filter((_, j) => j !== i) })}
                >
                  ×
                </button>
              </div>
            );
          })}
          {props.errors['booking.sessions'] && (
            <p className="form-error">
              {fieldMessage(props.errors['booking.sessions'], pageLanguage())}
            </p>
          )}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              const last = b.sessions.at(-1);
              set({
                sessions: [
                  ...b.sessions,
                  {
                    id: freeSessionId(b.sessions.map((s) => s.id)),
                    start: last?.end ?? '08:00',
                    end: last?.end ? '' : '10:00',
                    places: 10,
                  },
                ],
              });
            }}
          >
            {t('addSession')}
          </button>
          <div className="form-grid">
            <TextField
              label={t('daysAhead')}
              type="number"
              value={shown(b.daysAhead)}
              onChange={(v) => set({ daysAhead: num(v) })}
              error={e('daysAhead')}
            />
            <SelectField
              label={t('cutoff')}
              value={b.cutoff.kind}
              options={[
                { value: 'day_before', label: t('cutoffDayBefore') },
                { value: 'before_session', label: t('cutoffBeforeSession') },
              ]}
              onChange={(kind) =>
                set({
                  cutoff:
                    kind === 'day_before'
                      ? { kind: 'day_before', at: '16:00' }
                      : { kind: 'before_session', minutes: 60 },
                })
              }
              error={e('cutoff.kind')}
            />
            {b.cutoff.kind === 'day_before' ? (
              <TextField
                label={t('cutoffAt')}
                type="time"
                value={b.cutoff.at}
                onChange={(at) => set({ cutoff: { kind: 'day_before', at } })}
                error={e('cutoff.at')}
              />
            ) : (
              <TextField
                label={t('cutoffMinutes')}
                type="number"
                value={shown(b.cutoff.minutes)}
                onChange={(v) => set({ cutoff: { kind: 'before_session', minutes: num(v) } })}
                error={e('cutoff.minutes')}
              />
            )}
            <TextField
              label={t('checkInEarly')}
              type="number"
              value={shown(b.checkInEarlyMinutes)}
              onChange={(v) => set({ checkInEarlyMinutes: num(v) })}
              error={e('checkInEarlyMinutes')}
            />
            <TextField
              label={t('checkInLate')}
              type="number"
              value={shown(b.checkInLateMinutes)}
              onChange={(v) => set({ checkInLateMinutes: num(v) })}
              error={e('checkInLateMinutes')}
            />
            <SelectField
              label={t('lateArrival')}
              value={b.lateArrival}
              options={[
                { value: 'refuse', label: t('lateRefuse') },
                { value: 'walk_in', label: t('lateWalkIn') },
              ]}
              onChange={(v) => set({ lateArrival: v === 'walk_in' ? 'walk_in' : 'refuse' })}
              error={e('lateArrival')}
            />
            <TextField
              label={t('ticketMark')}
              value={b.ticketMark}
              onChange={(v) => set({ ticketMark: v.toUpperCase() })}
              error={e('ticketMark')}
            />
          </div>
          <h4>{t('onlineOnly')}</h4>
          {b.onlineOnly.map((h, i) => {
            const put = (patch: Partial<typeof h>) =>
              set({ onlineOnly: b.onlineOnly.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            return (
              <div className="form-grid booking-row" key={i}>
                <TextField
                  label={t('hoursFrom')}
                  type="time"
                  value={h.open}
                  onChange={(open) => put({ open })}
                  error={e(`onlineOnly.${i}.open`)}
                />
                <TextField
                  label={t('hoursUntil')}
                  type="time"
                  value={h.close}
                  onChange={(close) => put({ close })}
                  error={e(`onlineOnly.${i}.close`) ?? props.errors[`booking.onlineOnly.${i}`]}
                />
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('removeOnlineOnly', { n: i + 1 })}
                  onClick={() => set({ onlineOnly: b.onlineOnly.filter((_, j) => j !== i) })}
                >
                  ×
                </button>
              </div>
            );
          })}
          <button
            type="button"
            className="secondary"
            onClick={() =>
              set({ onlineOnly: [...b.onlineOnly, { open: '08:00', close: '09:00' }] })
            }
          >
            {t('addOnlineOnly')}
          </button>
          <h4>{t('closedDates')}</h4>
          {b.closedDates.map((c, i) => {
            const put = (patch: Partial<typeof c>) =>
              set({ closedDates: b.closedDates.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            return (
              <div className="form-grid booking-row" key={i}>
                <TextField
                  label={t('closedDate')}
                  type="date"
                  value={c.date}
                  onChange={(date) => put({ date })}
                  error={e(`closedDates.${i}.date`)}
                />
                <TextField
                  label={t('closedReason')}
                  value={c.name}
                  onChange={(name) => put({ name })}
                  error={e(`closedDates.${i}.name`)}
                />
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('removeClosed', { n: i + 1 })}
                  onClick={() => set({ closedDates: b.closedDates.filter((_, j) => j !== i) })}
                >
                  ×
                </button>
              </div>
            );
          })}
          <button
            type="button"
            className="secondary"
            onClick={() => set({ closedDates: [...b.closedDates, { date: '', name: '' }] })}
          >
            {t('addClosed')}
          </button>
          <ClosureWarning t={t} building={props.building} draft={props.draft} />
        </>
      )}
    </fieldset>
  );
}
