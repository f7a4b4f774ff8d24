import type { TrackingView } from '@antre/protocol';
import type { ReactNode } from 'react';
import type { MessageKey } from './messages';

interface Props {
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  view: TrackingView;
  toggle: ReactNode;
}

/** The whole screen says where to go: readable at arm's length while walking. */
export function CalledScreen({ t, view, toggle }: Props) {
  return (
    <main className="called" role="alert">
      <div className="called-toggle">{toggle}</div>
      <p className="called-lead">{t('goTo')}</p>
      <p className="called-counter">{t('counterNumber', { n: view.counter?.number ?? '' })}</p>
      <p className="called-counter-name">{view.counter?.name}</p>
      {view.place.zones.length > 0 ? (
        <p className="called-zone" data-testid="called-zone">
          {view.place.zones.map((z) => z.name).join(' · ')}
        </p>
      ) : null}
      <p className="called-label">{t('calledNote', { label: view.label })}</p>
      <p className="called-service">{view.serviceName}</p>
    </main>
  );
}
