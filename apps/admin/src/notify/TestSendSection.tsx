import type { DeliveryView } from '@antre/protocol';
import { useEffect, useRef, useState } from 'react';
import { siteTime } from '../audit/audit-format';
import { Notice, SelectField, TextField } from '../components/ConfigField';
import { refusalText } from '../conflict-messages';
import type { Refusal } from '../config-api';
import { notifyApi } from './notify-api';
import type { NotifySectionProps } from './notify-props';
import { fieldErrors } from '@antre/ui';

const POLL_MS = 1_000;
// A provider that hangs is given up on by the hub's own timeout; the page stops asking sooner.
const POLL_FOR_MS = 60_000;

/** Sends the test message through a channel and shows what became of it, from the log. */
export function TestSendSection(props: NotifySectionProps) {
  const { t, channels, language } = props;
  const token = props.session.token;
  const [channelId, setChannelId] = useState(channels[0]?.id ?? '');
  const [phone, setPhone] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [seq, setSeq] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<DeliveryView | null>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef(0);
  const channel = channels.find((c) => c.id === channelId);
  const needsPhone = channel?.kind === 'whatsapp' || channel?.kind === 'http';

  useEffect(() => {
    if (seq === null || (outcome && outcome.status !== 'pending')) return;
    const timer = setInterval(() => {
      if (Date.now() - started.current > POLL_FOR_MS) return clearInterval(timer);
      void notifyApi.deliveries(token, null, 50).then((answer) => {
        const found = answer.ok ? answer.value.find((d) => d.seq === seq) : undefined;
        if (found) setOutcome(found);
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [seq, outcome?.status]);

  async function send(): Promise<void> {
    setBusy(true);
    setOutcome(null);
    setSeq(null);
    const answer = await notifyApi.test(token, channelId, needsPhone ? phone : '');
    setBusy(false);
    if (answer.ok) {
      setRefusal(null);
      started.current = Date.now();
      setSeq(answer.value.seq);
    } else if (answer.status === 401) props.onUnauthorized();
    else setRefusal(answer);
  }

  if (channels.length === 0) return <p className="muted">{t('testNoChannels')}</p>;
  const errors = fieldErrors(refusal);
  return (
    <form
      className="config-form test-send"
      aria-label={t('tabTest')}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <p className="muted">{t('testHint')}</p>
      <div className="form-grid">
        <SelectField
          label={t('testChannel')}
          value={channelId}
          options={channels.map((c) => ({
            value: c.id,
            label: c.enabled ? c.name : t('channelOff', { name: c.name }),
          }))}
          onChange={(id) => {
            setChannelId(id);
            setRefusal(null);
          }}
          error={errors.channelId}
        />
        {needsPhone && (
          <TextField
            label={t('testPhone')}
            type="tel"
            value={phone}
            onChange={setPhone}
            error={errors.phone}
          />
        )}
      </div>
      {refusal && Object.keys(errors).length === 0 && (
        <Notice
          text={t('notifyRefused', { reason: refusalText(refusal.error, language) })}
          kind="bad"
        />
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !channelId}>
          {t('testSend')}
        </button>
      </div>
      {seq !== null && (
        <div className="test-outcome" data-testid="test-outcome" role="status">
          {outcome === null || outcome.status === 'pending' ? (
            <p>{t('testPending')}</p>
          ) : (
            <p className={`delivery-${outcome.status}`}>
              <strong>{t(`deliveryStatus.${outcome.status}`)}</strong>{' '}
              {t('testOutcome', {
                channel: outcome.channel ?? '—',
                time: siteTime(
                  outcome.sentAt ?? outcome.createdAt,
                  props.building.site.timezone,
                  language,
                ),
                attempts: outcome.attempts,
              })}
              {outcome.error && <span className="delivery-error">{outcome.error}</span>}
            </p>
          )}
        </div>
      )}
    </form>
  );
}
