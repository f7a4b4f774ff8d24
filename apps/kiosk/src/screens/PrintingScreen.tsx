import type { MessageKey } from '../messages';

export function PrintingScreen({ t }: { t: (key: MessageKey) => string }) {
  return (
    <section className="screen centered" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <h1 className="screen-title">{t('printing')}</h1>
      <p className="lead">{t('printingNote')}</p>
    </section>
  );
}
