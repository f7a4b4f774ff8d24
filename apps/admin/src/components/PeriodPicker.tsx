import { useState } from 'react';
import type { PageProps } from '../page-props';
import type { PeriodKind } from './period';
import { isPeriod, periodRange, showDay } from './period';
import type { Period } from '../session';
import type { MessageKey } from '../messages';

const KINDS: readonly [PeriodKind, MessageKey][] = [
  ['today', 'periodToday'],
  ['week', 'periodWeek'],
  ['month', 'periodMonth'],
  ['custom', 'periodCustom'],
];

/** The period a page reports on, starting with today; an admin may narrow it to one agency. */
export function usePeriod(today: string) {
  const [kind, setKind] = useState<PeriodKind>('today');
  // The dates as typed, and the last pair that makes a period: a "Dari" after "Sampai" is
  // shown as a mistake next to the fields and never asked of the hub.
  const [custom, setTyped] = useState(() => ({ from: today, to: today }));
  const [applied, setApplied] = useState(custom);
  const [agencyId, setAgencyId] = useState('');
  const setCustom = (next: { from: string; to: string }) => {
    setTyped(next);
    if (isPeriod(next)) setApplied(next);
  };
  const range = kind === 'custom' ? applied : periodRange(kind, today);
  const period: Period = { ...range, ...(agencyId ? { agencyId } : {}) };
  const invalid = kind === 'custom' && !isPeriod(custom);
  return { kind, setKind, custom, setCustom, invalid, agencyId, setAgencyId, period };
}

export function PeriodPicker(props: PageProps & { state: ReturnType<typeof usePeriod> }) {
  const { t, state, building, session } = props;
  const { period } = state;
  return (
    <div className="period-picker">
      <div className="segmented" role="group" aria-label={t('periodCustom')}>
        {KINDS.map(([kind, label]) => (
          <button
            key={kind}
            type="button"
            aria-pressed={state.kind === kind}
            onClick={() => state.setKind(kind)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      {state.kind === 'custom' && (
        <span className="dates" aria-invalid={state.invalid}>
          <label>
            {t('periodFrom')}
            <input
              type="date"
              value={state.custom.from}
              max={props.today}
              onChange={(e) =>
                e.target.value && state.setCustom({ ...state.custom, from: e.target.value })
              }
            />
          </label>
          <label>
            {t('periodTo')}
            <input
              type="date"
              value={state.custom.to}
              max={props.today}
              onChange={(e) =>
                e.target.value && state.setCustom({ ...state.custom, to: e.target.value })
              }
            />
          </label>
          {state.invalid && (
            <span className="form-error" role="alert" data-testid="period-error">
              {t('fromAfterTo')}
            </span>
          )}
        </span>
      )}
      {session.user.role === 'admin' && (
        <label className="agency-choice">
          {t('agency')}
          <select value={state.agencyId} onChange={(e) => state.setAgencyId(e.target.value)}>
            <option value="">{t('allAgencies')}</option>
            {building.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <span className="muted" data-testid="period-shown">
        {t('periodShown', { from: showDay(period.from), to: showDay(period.to) })}
      </span>
    </div>
  );
}

export const periodKey = (p: Period): string => `${p.from}|${p.to}|${p.agencyId ?? ''}`;
