import type { ChannelView } from '@antre/protocol';
import { useState } from 'react';
import type { ChannelDraft, ChannelKind } from './channel-draft';
import { CHANNEL_KINDS, draftOf, emptyDraft } from './channel-draft';
import { ChannelForm } from './ChannelForm';
import { Notice } from '../components/ConfigField';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { refusalText } from '../conflict-messages';
import { notifyApi } from './notify-api';
import type { NotifySectionProps } from './notify-props';

/** The channels: what each is, whether it is on, its secrets masked; add, edit, delete. */
export function ChannelsSection(props: NotifySectionProps & { onChanged: () => Promise<void> }) {
  const { t } = props;
  const [draft, setDraft] = useState<ChannelDraft | null>(null);
  const [deleting, setDeleting] = useState<{ channel: ChannelView; problem?: string } | null>(null);
  const [notice, setNotice] = useState<{ text: string; kind: 'ok' | 'bad' } | null>(null);

  async function remove(channel: ChannelView): Promise<void> {
    const answer = await notifyApi.deleteChannel(props.session.token, channel.id);
    if (!answer.ok) {
      if (answer.status === 401) return props.onUnauthorized();
      setDeleting({ channel, problem: refusalText(answer.error, props.language) });
      return;
    }
    setDeleting(null);
    setNotice({ text: t('channelDeleted', { name: channel.name }), kind: 'ok' });
    await props.onChanged();
  }

  return (
    <div className="notify-section">
      <Notice text={notice?.text ?? null} kind={notice?.kind ?? 'ok'} />
      <ChannelTable
        {...props}
        onEdit={(c) => {
          setNotice(null);
          setDraft(draftOf(c));
        }}
        onDelete={setDeleting}
      />
      {draft === null ? (
        <div className="add-channel" role="group" aria-label={t('addChannel')}>
          <span>{t('addChannel')}</span>
          {CHANNEL_KINDS.map((kind: ChannelKind) => (
            <button
              key={kind}
              type="button"
              className="secondary"
              onClick={() => {
                setNotice(null);
                setDraft(emptyDraft(kind));
              }}
            >
              {`+ ${t(`channelKind.${kind}`)}`}
            </button>
          ))}
        </div>
      ) : (
        <ChannelForm
          {...props}
          key={draft.id ?? `new-${draft.kind}`}
          initial={draft}
          onCancel={() => setDraft(null)}
          onSaved={async (saved) => {
            setDraft(null);
            setNotice({ text: t('channelSaved', { name: saved.name }), kind: 'ok' });
            await props.onChanged();
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('deleteChannelTitle', { name: deleting.channel.name })}
          body={t('deleteChannelBody')}
          confirm={t('deleteConfirm')}
          cancel={t('cancel')}
          problem={deleting.problem ?? null}
          onConfirm={() => void remove(deleting.channel)}
          onCancel={() => setDeleting(null)}
        />
      )}
    </div>
  );
}

function ChannelTable(
  props: NotifySectionProps & {
    onEdit: (channel: ChannelView) => void;
    onDelete: (target: { channel: ChannelView }) => void;
  },
) {
  const { t, channels } = props;
  if (channels.length === 0) return <p className="muted">{t('noChannels')}</p>;
  return (
    <div className="table-scroll">
      <table className="data channels" data-testid="channels">
        <thead>
          <tr>
            <th>{t('channelName')}</th>
            <th>{t('channelKind')}</th>
            <th>{t('channelState')}</th>
            <th>{t('channelSecrets')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {channels.map((c) => (
            <tr key={c.id} className={c.enabled ? '' : 'inactive'}>
              <td>{c.name}</td>
              <td>{props.t(`channelKind.${c.kind}`)}</td>
              <td>
                <span className={c.enabled ? 'state on' : 'state off'}>
                  {c.enabled ? t('notifyEnabled') : t('disabled')}
                </span>
              </td>
              <td className="secrets">
                {Object.keys(c.secrets).length === 0
                  ? '—'
                  : Object.entries(c.secrets).map(([name, masked]) => (
                      <span key={name}>
                        {secretName(name, t)} <code>{masked}</code>
                      </span>
                    ))}
              </td>
              <td>
                <div className="row-actions">
                  <button
                    type="button"
                    className="link"
                    aria-label={`${t('edit')} ${c.name}`}
                    onClick={() => props.onEdit(c)}
                  >
                    {t('edit')}
                  </button>
                  <button
                    type="button"
                    className="link danger"
                    aria-label={`${t('delete')} ${c.name}`}
                    onClick={() => props.onDelete({ channel: c })}
                  >
                    {t('delete')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const secretName = (name: string, t: NotifySectionProps['t']): string =>
  name === 'token' ? t('accessToken') : name;
