import type { NotifyMessage } from '@antre/protocol';
import { useEffect, useState } from 'react';
import { Notice } from '../components/ConfigField';
import { refusalText } from '../conflict-messages';
import { MessageTextEditor } from './MessageTextEditor';
import type { MessageTexts } from './notify-api';
import { notifyApi } from './notify-api';
import { codeName } from './notify-words';
import type { NotifySectionProps } from './notify-props';

/** Every message a visitor or staff member may be sent: its values and its text per language. */
export function MessageTextsSection(props: NotifySectionProps) {
  const { t, language } = props;
  const token = props.session.token;
  const [texts, setTexts] = useState<MessageTexts[] | null>(null);
  const [chosen, setChosen] = useState<NotifyMessage>('ticket.near');
  const [problem, setProblem] = useState<string | null>(null);

  async function load(): Promise<void> {
    const answer = await notifyApi.texts(token);
    if (answer.ok) setTexts(answer.value);
    else if (answer.status === 401) props.onUnauthorized();
    else setProblem(t('notifyLoadFailed', { reason: refusalText(answer.error, language) }));
  }
  useEffect(() => {
    void load();
  }, [token]);

  if (!texts)
    return problem ? <Notice text={problem} kind="bad" /> : <p className="muted">{t('loading')}</p>;
  const entry = texts.find((m) => m.message === chosen) ?? texts[0];
  if (!entry) return null;
  const edited = (m: MessageTexts) => m.id.edited || m.en.edited;

  return (
    <div className="message-texts">
      <div className="message-list">
        <ul aria-label={t('tabTexts')}>
          {texts.map((m) => (
            <li key={m.message}>
              <button
                type="button"
                aria-current={m.message === entry.message ? 'true' : undefined}
                onClick={() => setChosen(m.message)}
              >
                {t(`notifyMessage.${m.message}`)}
                {edited(m) && <small>{t('textEdited')}</small>}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="message-detail">
        <h2>{t(`notifyMessage.${entry.message}`)}</h2>
        <div className="placeholders" aria-label={t('notifyPlaceholders')}>
          <strong>{t('notifyPlaceholders')}</strong>
          <dl>
            {entry.params.map((p) => (
              <div key={p}>
                <dt>
                  <code>{`{${p}}`}</code>
                </dt>
                <dd>
                  {codeName(t, 'notifyField', p)}
                  <small>{t('sampleValue', { value: entry.samples[p] ?? p })}</small>
                </dd>
              </div>
            ))}
          </dl>
        </div>
        <div className="text-editors">
          {(['id', 'en'] as const).map((lang) => (
            <MessageTextEditor
              key={`${entry.message}/${lang}`}
              {...props}
              entry={entry}
              textLanguage={lang}
              onSaved={load}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
