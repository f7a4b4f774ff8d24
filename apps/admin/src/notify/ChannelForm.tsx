import type { ChannelView } from '@antre/protocol';
import { useState } from 'react';
import type { ChannelDraft } from './channel-draft';
import { bodyOf } from './channel-draft';
import { Notice, TextField } from '../components/ConfigField';
import { refusalText } from '../conflict-messages';
import { GatewayFields } from './GatewayFields';
import type { Refusal } from '../config-api';
import { notifyApi } from './notify-api';
import type { NotifySectionProps } from './notify-props';
import { WhatsAppFields } from './WhatsAppFields';
import { fieldErrors } from '@antre/ui';

/** Adds or changes one channel; each bad field is named next to it. */
export function ChannelForm(
  props: NotifySectionProps & {
    initial: ChannelDraft;
    onCancel: () => void;
    onSaved: (channel: ChannelView) => Promise<void>;
  },
) {
  const { t } = props;
  const [draft, setDraft] = useState<ChannelDraft>(props.initial);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(refusal);
  const set = (patch: Partial<ChannelDraft>): void => setDraft({ ...draft, ...patch });
  const kind = t(`channelKind.${draft.kind}`);
  const title = draft.id ? t('editChannel', { kind }) : t('newChannel', { kind });

  async function save(): Promise<void> {
    setBusy(true);
    const token = props.session.token;
    const body = bodyOf(draft);
    const answer = draft.id
      ? await notifyApi.saveChannel(token, draft.id, body)
      : await notifyApi.addChannel(token, body);
    setBusy(false);
    if (answer.ok) return props.onSaved(answer.value);
    if (answer.status === 401) return props.onUnauthorized();
    setRefusal(answer);
  }
  const problem =
    refusal === null
      ? null
      : refusal.status === 400
        ? t('notifyFixFields')
        : t('notifyRefused', { reason: refusalText(refusal.error, props.language) });

  return (
    <form
      className="config-form channel-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{title}</h2>
      <Notice text={problem} kind="bad" />
      <div className="form-grid">
        <TextField
          label={t('channelName')}
          value={draft.name}
          onChange={(name) => set({ name })}
          error={errors.name}
        />
        <label className="check channel-enabled">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(e) => set({ enabled: e.target.checked })}
          />
          {t('channelOn')}
        </label>
      </div>
      {draft.kind === 'whatsapp' && (
        <WhatsAppFields t={t} language={props.language} draft={draft} set={set} errors={errors} />
      )}
      {draft.kind === 'http' && (
        <GatewayFields {...props} draft={draft} set={set} replace={setDraft} errors={errors} />
      )}
      {draft.kind === 'webpush' && (
        <div className="form-grid">
          <TextField
            label={t('vapidSubject')}
            value={draft.subject}
            onChange={(subject) => set({ subject })}
            error={errors.subject}
          />
          <p className="muted wide">{t('vapidHint')}</p>
        </div>
      )}
      {draft.kind === 'log' && <p className="muted">{t('logHint')}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('saving') : t('save')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
