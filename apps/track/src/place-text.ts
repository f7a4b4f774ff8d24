import { counterNumbersText } from '@antre/domain';
import type { TrackingView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { formatClock } from '@antre/ui';
import type { MessageKey } from './messages';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** "Loket 12–13 · Lantai 1 — Aula Utama"; null where no counter serves the service. */
export function placeText(t: T, place: TrackingView['place']): string | null {
  if (place.counterNumbers.length === 0) return null;
  const counters = t('placeCounters', { numbers: counterNumbersText(place.counterNumbers) });
  return [counters, ...place.zones.map((z) => z.name)].join(' · ');
}

export interface WaitingState {
  /** ok: counters are calling; hold: nobody calls yet today; closed: nobody will today. */
  kind: 'ok' | 'hold' | 'closed';
  title: string;
  note: string | null;
}

/**
 * What a waiting visitor is told. "You're next" only where a counter is open to call them:
 * otherwise when the service opens, that it is on a break, or that it is closed for today.
 */
export function waitingState(t: T, language: Language, view: TrackingView): WaitingState {
  const today = view.today;
  const ahead = view.ahead > 0 ? t('ahead', { n: view.ahead }) : null;
  if (today?.hours === 'closed_today')
    return { kind: 'closed', title: t('closedToday'), note: t('closedTodayNote') };
  const hold = (title: string, note: string): WaitingState => ({
    kind: 'hold',
    title,
    note: ahead ? `${ahead}. ${note}` : note,
  });
  if (today?.hours === 'later_today')
    return hold(
      t('opensLater', { time: formatClock(today.opensAt ?? '', language) }),
      t('opensLaterNote'),
    );
  if (today?.onBreakUntil)
    return hold(
      t('onBreak', { time: formatClock(today.onBreakUntil, language) }),
      t('onBreakNote'),
    );
  if (today && today.openCounters === 0)
    return today.pausedCounters > 0
      ? hold(t('countersPaused'), t('countersPausedNote'))
      : hold(t('noCounterOpen'), t('noCounterOpenNote'));
  return { kind: 'ok', title: ahead ?? t('noneAhead'), note: null };
}
