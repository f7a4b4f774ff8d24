import type { Site } from '@antre/domain';
import type { CounterView } from './counter-view';
import type { Action } from './shortcuts';

/**
 * Which buttons make sense now. The hub decides for real; this only keeps the officer from
 * pressing what would be refused, and says why no-show is not yet possible.
 */
export function availableActions(
  view: CounterView,
  site: Pick<Site, 'autoServeOnCall' | 'recallsBeforeNoShow'>,
  mine: boolean,
): Record<Action, boolean> {
  const { status, held } = view;
  const open = mine && status.status === 'open';
  const called = open && held?.status === 'called';
  const serving = open && held?.status === 'serving';
  // Where serving starts on the call, the visitor may not have come yet: recall and
  // no-show stay possible until the officer finishes (as the hub allows).
  const awaiting = called || (serving && site.autoServeOnCall);
  return {
    callNext: mine ? status.status === 'closed' || (open && (!held || serving)) : false,
    recall: awaiting,
    start: called && !site.autoServeOnCall,
    finish: serving || (called && site.autoServeOnCall),
    noShow: awaiting && (held?.recallCount ?? 0) >= site.recallsBeforeNoShow,
    park: called || serving,
    transfer: called || serving,
    pause: mine && ((open && !held) || status.status === 'paused'),
    close: mine && status.status !== 'closed' && !held,
  };
}
