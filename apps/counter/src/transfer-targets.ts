import type { TransferCheck } from '@antre/domain';
import { checkTransferTarget } from '@antre/domain';
import type { Language } from '@antre/ui';
import { formatClock, formatWait } from '@antre/ui';
import type { Translate } from './messages';
import type { TargetStats } from './use-service-stats';

/** A target's line in the transfer dialog: may it receive, in what state, with what warning. */
export interface TargetLine {
  check: TransferCheck;
  state: string;
  waiting: string;
  warning: string | null;
}

export function targetLine(t: Translate, language: Language, stats: TargetStats): TargetLine {
  const { today } = stats;
  const check = checkTransferTarget(today);
  const waiting = t('targetWaiting', {
    n: stats.waiting,
    wait: formatWait(stats.estimatedMinutes, language),
  });
  if (!check.allowed) {
    const reason = check.reason;
    const state =
      reason === 'holiday' || reason === 'inactive' || reason === 'closed_today'
        ? t(`targetClosed_${reason}`)
        : t('targetClosed_closed_for_day');
    return { check, state, waiting, warning: null };
  }
  const breakEnd = formatClock(today.onBreakUntil ?? '', language);
  const opensAt = formatClock(today.opensAt ?? '', language);
  switch (check.warning) {
    case 'on_break':
      return {
        check,
        state: t('targetOnBreak', { time: breakEnd }),
        waiting,
        warning: t('warnOnBreak', { time: breakEnd }),
      };
    case 'counters_paused':
      return {
        check,
        state: t('targetCountersPaused'),
        waiting,
        warning: t('warnCountersPaused'),
      };
    case 'opens_later':
      return {
        check,
        state: t('targetOpensLater', { time: opensAt }),
        waiting,
        warning: t('warnOpensLater', { time: opensAt }),
      };
    case 'no_counter_open':
      return { check, state: t('targetNoCounterOpen'), waiting, warning: t('warnNoCounterOpen') };
    default:
      return { check, state: t('targetOpen', { n: today.openCounters }), waiting, warning: null };
  }
}
