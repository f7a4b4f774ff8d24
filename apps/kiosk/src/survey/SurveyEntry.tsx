import type { Language } from '@antre/ui';
import { translate } from '../messages';

/** The way into the survey on the first screen: plain, wide, below the agencies. */
export function SurveyEntry(props: { language: Language; onOpen: () => void }) {
  const t = translate(props.language);
  return (
    <button type="button" className="survey-entry" onClick={props.onOpen}>
      <span className="survey-entry-stars" aria-hidden="true">
        ★★★★
      </span>
      <span className="survey-entry-text">
        <span className="survey-entry-title">{t('entryTitle')}</span>
        <span className="survey-entry-note">{t('entryNote')}</span>
      </span>
      <span className="survey-entry-chevron" aria-hidden="true">
        ›
      </span>
    </button>
  );
}
