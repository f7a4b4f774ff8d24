import type { PriorityKind } from '@antre/domain';
import type { MessageKey } from '../messages';
import { PriorityIcon } from './PriorityIcons';

interface Props {
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  serviceName: string;
  onChoose: (priority: PriorityKind | null) => void;
}

// UU 25/2009 ps. 29: one tap, no proof asked.
const PRIORITIES = ['disability', 'elderly', 'pregnant', 'child'] as const;

export function PriorityScreen({ t, serviceName, onChoose }: Props) {
  return (
    <section className="screen">
      <p className="screen-kicker">{serviceName}</p>
      <h1 className="screen-title">{t('whoQueues')}</h1>
      <button type="button" className="choice-card regular" onClick={() => onChoose(null)}>
        <PriorityIcon kind="regular" />
        <span className="choice-text">
          <span className="choice-title">{t('regular')}</span>
          <span className="choice-note">{t('regularNote')}</span>
        </span>
      </button>
      <h2 className="section-title">{t('priorityTitle')}</h2>
      <p className="lead">{t('priorityNote')}</p>
      <div className="priority-grid">
        {PRIORITIES.map((kind) => (
          <button
            key={kind}
            type="button"
            className="choice-card priority"
            onClick={() => onChoose(kind)}
          >
            <PriorityIcon kind={kind} />
            <span className="choice-title">{t(kind)}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
