import type { CallView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { translator } from '@antre/ui';
import { MESSAGES } from './messages';

/**
 * The call being made, as large as the screen allows. A new call flashes the panel between
 * two strong colours for a while (about once a second, well under the 3 flashes a second
 * that can trigger seizures) so a visitor who cannot hear it still notices.
 */
export function LatestCall({ call, language }: { call: CallView | null; language: Language }) {
  const t = translator(MESSAGES, language);
  if (!call) {
    return (
      <section className="latest latest-empty" aria-live="polite">
        <p className="latest-caption">{t('noCalls')}</p>
        <p className="latest-hint">{t('noCallsHint')}</p>
      </section>
    );
  }
  return (
    // The key restarts the attention animation for every call and recall.
    <section key={call.eventId} className="latest latest-attention" aria-live="assertive">
      <p className="latest-caption">{call.recall ? t('recall') : t('nowCalling')}</p>
      <p className="latest-number" data-testid="latest-number">
        {call.label}
      </p>
      <p className="latest-goto">{t('goTo')}</p>
      <p className="latest-counter">
        {t('counter')} <strong>{call.counterNumber}</strong>
      </p>
      <p className="latest-agency">{call.agencyName}</p>
    </section>
  );
}
