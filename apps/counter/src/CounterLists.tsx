import type { Building } from '@antre/domain';
import { minutesBetween } from '@antre/ui';
import type { CounterView } from './counter-view';
import type { Translate } from './messages';
import { TicketList } from './TicketList';

/** The lines behind the desk: waiting (callable out of turn), parked, and absent visitors. */
export function CounterLists(props: {
  t: Translate;
  building: Building;
  view: CounterView;
  now: number;
  canCall: boolean;
  canRequeue: boolean;
  onCall: (ticketId: string) => void;
  onRequeue: (ticketId: string) => void;
}) {
  const { t, view, now } = props;
  const common = { t, building: props.building, now };
  const windowMin = props.building.site.noShowRequeueMinutes;
  return (
    <aside className="lists">
      <TicketList
        {...common}
        testId="waiting-list"
        title={t('waitingList', { n: view.waiting.length })}
        tickets={view.waiting}
        actionLabel={t('call')}
        actionEnabled={props.canCall}
        onAction={(ticket) => props.onCall(ticket.id)}
      />
      <TicketList
        {...common}
        testId="parked-list"
        title={t('parkedList', { n: view.parked.length })}
        tickets={view.parked}
        actionLabel={t('callBack')}
        actionEnabled={props.canCall}
        detail={(ticket) =>
          `${ticket.parkReason ?? ''}${ticket.counterId === view.counter.id ? ` · ${t('atThisCounter')}` : ''}`
        }
        onAction={(ticket) => props.onCall(ticket.id)}
      />
      <TicketList
        {...common}
        testId="no-show-list"
        title={t('noShowList', { n: view.noShows.length })}
        tickets={view.noShows}
        actionLabel={t('requeue')}
        actionEnabled={props.canRequeue}
        detail={(ticket) =>
          t('requeueLeft', {
            n: Math.max(0, windowMin - minutesBetween(ticket.noShowAt ?? now, now)),
          })
        }
        onAction={(ticket) => props.onRequeue(ticket.id)}
      />
    </aside>
  );
}
