import type { FeedbackBody } from '@antre/protocol';
import { useState } from 'react';
import type { MessageKey } from './messages';
import { surveyApi } from './survey-api';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;
type Kind = FeedbackBody['kind'];
// Listed here, not imported, so the page's bundle carries no schema code.
const KINDS: readonly Kind[] = ['complaint', 'suggestion', 'compliment'];

interface Props {
  t: T;
  code: string;
  agencyId: string;
  agencyName: string;
}

/** SP4N-LAPOR!, the national complaints channel: always offered beside the agency's own. */
export const LAPOR_URL = 'https://www.lapor.go.id';

/** A complaint, suggestion or compliment to the agency that served this ticket. */
export function FeedbackForm({ t, code, agencyId, agencyName }: Props) {
  const [kind, setKind] = useState<Kind>('complaint');
  const [message, setMessage] = useState('');
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const ready = message.trim().length >= 5 && !sending;

  const send = async () => {
    setSending(true);
    setError(null);
    const result = await surveyApi.feedback({ agencyId, kind, message, ticketCode: code });
    setSending(false);
    if (result.ok) {
      setSent(true);
      setMessage('');
    } else setError(result.error.code === 'offline' ? 'errorOffline' : 'errorFeedback');
  };

  return (
    <section className="survey-card feedback" aria-labelledby="feedback-title">
      <h2 id="feedback-title" className="survey-title">
        {t('feedbackTitle')}
      </h2>
      {sent ? (
        <div className="feedback-sent" role="status">
          <p className="feedback-sent-title">{t('feedbackSent', { agency: agencyName })}</p>
          <p className="state-note">{t('feedbackSentNote')}</p>
          <button type="button" className="feedback-again" onClick={() => setSent(false)}>
            {t('feedbackAnother')}
          </button>
        </div>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) void send();
          }}
        >
          <fieldset className="feedback-kinds">
            <legend className="feedback-label">{t('feedbackKind')}</legend>
            {KINDS.map((k) => (
              <label key={k} className="feedback-kind">
                <input
                  type="radio"
                  name="feedback-kind"
                  checked={kind === k}
                  onChange={() => setKind(k)}
                />
                <span>{t(k)}</span>
              </label>
            ))}
          </fieldset>
          <label className="feedback-label" htmlFor="feedback-message">
            {t('feedbackMessage', { agency: agencyName })}
          </label>
          <textarea
            id="feedback-message"
            className="feedback-message"
            rows={4}
            maxLength={2000}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
          <p className="feedback-hint">{t('feedbackHint')}</p>
          {error ? (
            <p className="survey-error" role="alert">
              {t(error)}
            </p>
          ) : null}
          <button type="submit" className="survey-submit" disabled={!ready}>
            {sending ? t('sending') : t('feedbackSend')}
          </button>
        </form>
      )}
      <p className="feedback-lapor">
        {t('lapor')}{' '}
        <a href={LAPOR_URL} target="_blank" rel="noreferrer">
          SP4N-LAPOR! (www.lapor.go.id)
        </a>
      </p>
    </section>
  );
}
