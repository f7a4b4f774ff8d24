import { useState } from 'react';
import type { MessageKey } from './messages';
import type { PageProps } from './page-props';
import type { PeriodKind } from './period';
import { periodRange, showDay } from './period';
import type { Period } from './session';

const KINDS: readonly [PeriodKind, MessageKey][] = [
  ['today', 'periodToday'],
  ['week', 'periodWeek'],
  ['month', 'periodMonth'],
  ['custom', 'periodCustom'],
];

/** The period a page reports on, starting with today; an admin may narrow it to one agency. */
export function usePeriod(today: string) {
  const [kind, setKind] = useState<PeriodKind>('today');
  const [custom, setCustom] = useState(() => ({ from: today, to: today }));
  const [agencyId, setAgencyId] = useState('');
  const range = kind === 'custom' ? custom : periodRange(kind, today);
  const period: Period = { ...range, ...(agencyId ? { agencyId } : {}) };
  return { kind, setKind, custom, setCustom, agencyId, setAgencyId, period };
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
        <span className="dates">
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
