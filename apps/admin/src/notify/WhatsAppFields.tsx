import { NOTIFY_MESSAGES } from '@antre/protocol';
import type { FieldErrors, Language } from '@antre/ui';
import type { ChannelDraft } from './channel-draft';
import { TextField } from '../components/ConfigField';
import { SecretField } from './SecretField';
import type { Translate } from '../messages';

/** WhatsApp Cloud API: the number's id, its token, and the approved template per message. */
export function WhatsAppFields(props: {
  t: Translate;
  language: Language;
  draft: ChannelDraft;
  set: (patch: Partial<ChannelDraft>) => void;
  errors: FieldErrors;
}) {
  const { t, draft, set, errors } = props;
  return (
    <>
      <div className="form-grid">
        <TextField
          label={t('phoneNumberId')}
          value={draft.phoneNumberId}
          onChange={(phoneNumberId) => set({ phoneNumberId })}
          error={errors.phoneNumberId}
        />
        <SecretField
          label={t('accessToken')}
          value={draft.token}
          stored={draft.tokenStored}
          keepHint={(masked) => t('secretKept', { masked })}
          onChange={(token) => set({ token })}
          error={errors.token}
        />
        <TextField
          label={t('apiVersion')}
          value={draft.apiVersion}
          onChange={(apiVersion) => set({ apiVersion })}
          error={errors.apiVersion}
        />
      </div>
      <details className="advanced" open={!!errors.baseUrl}>
        <summary>{t('advanced')}</summary>
        <div className="form-grid">
          <TextField
            label={t('baseUrl')}
            value={draft.baseUrl}
            onChange={(baseUrl) => set({ baseUrl })}
            error={errors.baseUrl}
          />
        </div>
      </details>
      <h3>{t('templatesTitle')}</h3>
      <p className="muted">{t('templatesHint')}</p>
      <div className="form-grid templates-grid">
        {NOTIFY_MESSAGES.map((message) => (
          <TextField
            key={message}
            label={props.t(`notifyMessage.${message}`)}
            value={draft.templates[message] ?? ''}
            onChange={(name) => set({ templates: { ...draft.templates, [message]: name } })}
            error={errors[`templates.${message}`]}
          />
        ))}
      </div>
    </>
  );
}
