import type { Building } from '@antre/domain';
import { callHub } from '@antre/ui';
import { useEffect, useState } from 'react';
import type { Service } from './building-drafts';
import { storage } from '../session';
import type { Translate } from '../messages';

/** Closed dates added since the last save cancel that day's bookings: count them first. */
export function ClosureWarning(props: { t: Translate; building: Building; draft: Service }) {
  const { t, draft } = props;
  const saved = props.building.services.find((s) => s.id === draft.id)?.booking?.closedDates ?? [];
  const added = (draft.booking?.closedDates ?? [])
    .map((c) => c.date)
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !saved.some((s) => s.date === d));
  const key = added.join(',');
  const [counts, setCounts] = useState<Record<string, number>>({});
  useEffect(() => {
    const token = storage.session()?.token;
    if (!token || !draft.id || added.length === 0) return;
    let live = true;
    void Promise.all(
      added.map(async (date) => {
        const query = { serviceId: draft.id, date };
        const got = await callHub('GET /api/admin/bookings', { token, query });
        return [
          date,
          got.ok ? got.value.bookings.filter((x) => x.status === 'booked').length : -1,
        ] as const;
      }),
    ).then((pairs) => live && setCounts(Object.fromEntries(pairs)));
    return () => {
      live = false;
    };
  }, [key, draft.id]);
  if (added.length === 0) return null;
  return (
    <div className="booking-warning" role="note" data-testid="closure-warning">
      <p>{t('closedWarning')}</p>
      {added
        .filter((d) => (counts[d] ?? 0) > 0)
        .map((d) => (
          <p key={d}>
            <strong>{t('closedWarningCount', { count: counts[d] ?? 0, date: d })}</strong>
          </p>
        ))}
    </div>
  );
}
