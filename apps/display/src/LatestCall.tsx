import type { CallView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { FitText } from './FitText';
import { translate } from './messages';

/** Where a call sends the visitor, in the words the board can afford. */
export interface CallPlace {
  /** The agency's full name first, its short name when the full one does not fit. */
  agencyNames: string[];
  /** The zone's full name, then its part before the dash ("Lantai 2"). */
  zoneNames: string[];
}

/**
 * The call being made, as large as the screen allows. A new call flashes the panel between
 * two strong colours for a while (about once a second, well under the 3 flashes a second
 * that can trigger seizures) so a visitor who cannot hear it still notices. Once the counter
 * has moved on (served, transferred, no-show) the panel waits for the next call.
 */
export function LatestCall({
  call,
  place,
  hadCalls,
  language,
}: {
  call: CallView | null;
  place: CallPlace | null;
  /** Calls were made today: the panel is waiting for the next, not for the first. */
  hadCalls: boolean;
  language: Language;
}) {
  const t = translate(language);
  if (!call || !place) {
    return (
      <section className="latest latest-empty" aria-live="polite">
        <p className="latest-caption">{hadCalls ? t('waitingNext') : t('noCalls')}</p>
        <p className="latest-hint">{t('noCallsHint')}</p>
      </section>
    );
  }
  return (
    // The key restarts the attention animation for every call and recall.
    <section key={call.eventId} className="latest latest-attention" aria-live="assertive">
      <p className="latest-caption">
        {call.recall ? t('recall') : t('nowCalling')}
        {call.online && (
          <span className="call-online" title={t('onlineTitle')} data-testid="latest-online">
            {t('online')}
          </span>
        )}
      </p>
      <FitText className="latest-number" testId="latest-number" texts={[call.label]} />
      <p className="latest-goto">{t('proceedTo')}</p>
      <p className="latest-counter">
        {t('counter')} <strong>{call.counterNumber}</strong>
      </p>
      <FitText className="latest-agency" texts={place.agencyNames} />
      {place.zoneNames.length > 0 && (
        <FitText className="latest-zone" testId="latest-zone" texts={place.zoneNames} />
      )}
    </section>
  );
}
