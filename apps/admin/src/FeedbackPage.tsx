import type { Feedback } from '@antre/protocol';
import { errorText, formatDate, formatTime } from '@antre/ui';
import type { MessageKey } from './messages';
import type { PageProps } from './page-props';
import { hubApi } from './session';
import { useLoaded } from './use-loaded';

// The national complaint channel: the same link the survey and the visitor's phone show.
const LAPOR_URL = 'https://www.lapor.go.id';

const KIND_WORDS: Record<Feedback['kind'], MessageKey> = {
  complaint: 'kindComplaint',
  suggestion: 'kindSuggestion',
  compliment: 'kindCompliment',
};

/** The latest complaints, suggestions and compliments, newest first. */
export function FeedbackPage(props: PageProps) {
  const { t, language, session, building } = props;
  const tz = building.site.timezone;
  const list = useLoaded(() => hubApi.feedback(session.token), 'feedback', props.onUnauthorized);
  return (
    <section>
      <header className="page-head">
        <h1>{t('feedbackTitle')}</h1>
      </header>
      <p className="lapor">
        {t('feedbackLapor')}{' '}
        <a href={LAPOR_URL} target="_blank" rel="noreferrer">
          lapor.go.id
        </a>
      </p>
      {list.state === 'loading' && <p className="muted">{t('loading')}</p>}
      {list.state === 'failed' && (
        <p className="form-error">{t('loadFailed', { reason: errorText(list.code, language) })}</p>
      )}
      {list.state === 'ready' && list.value.length === 0 && (
        <p className="muted">{t('feedbackEmpty')}</p>
      )}
      {list.state === 'ready' && list.value.length > 0 && (
        <table className="data" data-testid="feedback-list">
          <thead>
            <tr>
              <th>{t('when')}</th>
              <th>{t('agency')}</th>
              <th>{t('kind')}</th>
              <th>{t('message')}</th>
              <th>{t('ticket')}</th>
            </tr>
          </thead>
          <tbody>
            {list.value.map((f) => (
              <tr key={f.id}>
                <td className="nowrap">
                  {formatDate(f.createdAt, tz, language)}, {formatTime(f.createdAt, tz, language)}
                </td>
                <td>{f.agencyName}</td>
                <td>
                  <span className={`kind kind-${f.kind}`}>{t(KIND_WORDS[f.kind])}</span>
                </td>
                <td className="message">{f.message}</td>
                <td>
                  {f.ticketLabel
                    ? `${f.ticketLabel}${f.serviceName ? ` · ${f.serviceName}` : ''}`
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
