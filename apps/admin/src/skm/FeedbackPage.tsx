import type { Feedback } from '@antre/protocol';
import { callHub, errorText, formatDate, formatTime } from '@antre/ui';
import { useState } from 'react';
import { FileButtons } from '../components/ExportButtons';
import { downloadFile } from '../file-download';
import type { PageProps } from '../page-props';
import { useLoaded } from '../use-loaded';
import type { MessageKey } from '../messages';

// The national complaint channel: the same link the survey and the visitor's phone show.
const LAPOR_URL = 'https://www.lapor.go.id';

const KIND_WORDS: Record<Feedback['kind'], MessageKey> = {
  complaint: 'kindComplaint',
  suggestion: 'kindSuggestion',
  compliment: 'kindCompliment',
};

/**
 * The latest complaints, suggestions and compliments, newest first; an admin may narrow to
 * one agency (a supervisor sees only theirs), anyone to one kind. The file holds the same.
 */
export function FeedbackPage(props: PageProps) {
  const { t, language, session, building } = props;
  const tz = building.site.timezone;
  const [agencyId, setAgencyId] = useState('');
  const [kind, setKind] = useState<Feedback['kind'] | ''>('');
  const query = { ...(agencyId ? { agencyId } : {}), ...(kind ? { kind } : {}) };
  const list = useLoaded(
    () => callHub('GET /api/feedback', { token: session.token, query }),
    `feedback|${agencyId}|${kind}`,
    props.onUnauthorized,
  );
  return (
    <section>
      <header className="page-head">
        <h1>{t('feedbackTitle')}</h1>
      </header>
      <div className="period-picker feedback-filters">
        {session.user.role === 'admin' && (
          <label className="agency-choice">
            {t('agency')}
            <select value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
              <option value="">{t('allAgencies')}</option>
              {building.agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="agency-choice">
          {t('kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as Feedback['kind'] | '')}>
            <option value="">{t('allKinds')}</option>
            {(Object.keys(KIND_WORDS) as Feedback['kind'][]).map((k) => (
              <option key={k} value={k}>
                {t(KIND_WORDS[k])}
              </option>
            ))}
          </select>
        </label>
        <FileButtons
          t={t}
          testId="export-feedback"
          save={(format) =>
            downloadFile(`antre-masukan-${props.today}.${format}`, 'GET /api/feedback/export', {
              token: session.token,
              query: { ...query, format },
            })
          }
        />
      </div>
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
