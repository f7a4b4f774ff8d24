import type { Language } from '@antre/ui';
import { translate } from './messages';
import type { SurveyOutcome } from './use-survey-request';

export const TABLET_PATH = '/counter/#/survei';

/** The "Minta survei" switch beside the actions, and what became of the last request. */
export function SurveyToggle(props: {
  language: Language;
  enabled: boolean;
  outcome: SurveyOutcome | null;
  onToggle: (on: boolean) => void;
}) {
  const t = translate(props.language);
  const { outcome } = props;
  return (
    <div className="survey-toggle">
      <label className="survey-switch" title={t('askSurveyHint')}>
        <input
          type="checkbox"
          checked={props.enabled}
          onChange={(event) => props.onToggle(event.target.checked)}
        />
        <span>{t('askSurvey')}</span>
      </label>
      {outcome && (
        <p
          className={`survey-outcome survey-outcome-${outcome.kind}`}
          role="status"
          data-testid="survey-outcome"
        >
          {outcome.kind === 'sent'
            ? t('surveySent', { label: outcome.label })
            : outcome.kind === 'no_tablet'
              ? t('surveyNoTablet', { url: TABLET_PATH })
              : t('surveyNotSent', { label: outcome.label })}
        </p>
      )}
    </div>
  );
}
