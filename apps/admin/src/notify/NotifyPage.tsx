import '../admin-config.css';
import './notify.css';
import type { ChannelView } from '@antre/protocol';
import { useEffect, useState } from 'react';
import { ChannelsSection } from './ChannelsSection';
import { refusalText } from '../conflict-messages';
import { DeliveryLog } from './DeliveryLog';
import { MessageTextsSection } from './MessageTextsSection';
import { notifyApi } from './notify-api';
import { NotifySettingsForm } from './NotifySettingsForm';
import type { PageProps } from '../page-props';
import { TestSendSection } from './TestSendSection';
import type { MessageKey } from '../messages';

const TABS = ['channels', 'settings', 'texts', 'test', 'log'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS: Record<Tab, MessageKey> = {
  channels: 'tabChannels',
  settings: 'tabSettings',
  texts: 'tabTexts',
  test: 'tabTest',
  log: 'tabLog',
};

/** "Notifikasi": channels, who is told what and when, the texts, a test send, the log. */
export function NotifyPage(props: PageProps) {
  const { t } = props;
  const token = props.session.token;
  const [tab, setTab] = useState<Tab>('channels');
  const [channels, setChannels] = useState<ChannelView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function loadChannels(): Promise<void> {
    const answer = await notifyApi.channels(token);
    if (answer.ok) {
      setChannels(answer.value);
      setProblem(null);
    } else if (answer.status === 401) props.onUnauthorized();
    else setProblem(t('notifyLoadFailed', { reason: refusalText(answer.error, props.language) }));
  }
  useEffect(() => {
    void loadChannels();
  }, [token]);

  const section = { ...props, t, channels: channels ?? [] };
  return (
    <section className="notify-page" aria-labelledby="notify-title">
      <header className="page-head">
        <h1 id="notify-title">{t('notifyTitle')}</h1>
      </header>
      <p className="muted notify-intro">{t('notifyIntro')}</p>
      <div className="segmented notify-tabs" role="tablist" aria-label={t('notifyTitle')}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`notify-tab-${id}`}
            aria-selected={tab === id}
            aria-pressed={tab === id}
            aria-controls="notify-panel"
            onClick={() => setTab(id)}
          >
            {t(TAB_LABELS[id])}
          </button>
        ))}
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div id="notify-panel" role="tabpanel" aria-labelledby={`notify-tab-${tab}`}>
        {channels === null ? (
          <p className="muted">{t('loading')}</p>
        ) : (
          <>
            {tab === 'channels' && <ChannelsSection {...section} onChanged={loadChannels} />}
            {tab === 'settings' && <NotifySettingsForm {...section} />}
            {tab === 'texts' && <MessageTextsSection {...section} />}
            {tab === 'test' && <TestSendSection {...section} />}
            {tab === 'log' && <DeliveryLog {...section} />}
          </>
        )}
      </div>
    </section>
  );
}
