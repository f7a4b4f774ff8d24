import { useRef } from 'react';
import type { KioskService } from '../kiosk-hub';
import type { MessageKey } from '../messages';
import { useHiddenBelow } from './use-hidden-below';

interface Props {
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  service: KioskService;
  /** Set while numbers cannot be taken: the standard stays readable, the button gives way. */
  closedNote: string | null;
  onTake: () => void;
}

/** The six public components of the standar pelayanan, before the visitor queues. */
export function StandardScreen({ t, service, closedNote, onTake }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const below = useHiddenBelow(scroller, service.id);
  const { standard } = service;
  // Visible buttons as well as swiping: no hidden gestures.
  const scroll = (direction: 1 | -1): void =>
    scroller.current?.scrollBy({
      top: direction * scroller.current.clientHeight * 0.7,
      behavior: 'smooth',
    });
  return (
    <section className="screen standard-screen">
      <p className="screen-kicker">{t('standardTitle')}</p>
      <h1 className="screen-title">{service.name}</h1>
      <p className="lead">{t('standardLead')}</p>
      <div className="standard-body">
        <div className="standard-scroll" ref={scroller} tabIndex={0}>
          <div className="standard-grid">
            <article className="standard-item wide">
              <h2>{t('requirements')}</h2>
              <ul>
                {standard.requirements.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </article>
            <article className="standard-item wide">
              <h2>{t('procedure')}</h2>
              <ol>
                {standard.procedure.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ol>
            </article>
            <article className="standard-item">
              <h2>{t('duration')}</h2>
              <p>{standard.duration}</p>
            </article>
            <article className="standard-item">
              <h2>{t('cost')}</h2>
              <p>{standard.cost}</p>
            </article>
            <article className="standard-item">
              <h2>{t('product')}</h2>
              <p>{standard.product}</p>
            </article>
            <article className="standard-item">
              <h2>{t('complaints')}</h2>
              <p>{standard.complaints}</p>
            </article>
          </div>
        </div>
        <div className="scroll-buttons">
          <button type="button" className="scroll-button" onClick={() => scroll(-1)}>
            <span aria-hidden="true">▲</span> {t('scrollUp')}
          </button>
          <button type="button" className="scroll-button" onClick={() => scroll(1)}>
            <span aria-hidden="true">▼</span> {t('scrollDown')}
          </button>
        </div>
      </div>
      {below.length > 0 ? (
        <p className="standard-more" data-testid="more-below">
          <span aria-hidden="true">▼</span> {t('moreBelow', { names: below.join(', ') })}
        </p>
      ) : null}
      {closedNote ? (
        <p className="notice" role="status">
          {closedNote}
        </p>
      ) : (
        <button type="button" className="primary-button" onClick={onTake}>
          {t('takeNumber')} <span aria-hidden="true">›</span>
        </button>
      )}
    </section>
  );
}
