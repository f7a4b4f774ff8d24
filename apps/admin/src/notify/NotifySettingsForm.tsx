import { useEffect, useState } from 'react';
import { Notice, SelectField, TextField } from '../components/ConfigField';
import { refusalText } from '../conflict-messages';
import { fieldsUnder } from '../field-paths';
import type { Refusal } from '../config-api';
import { notifyApi } from './notify-api';
import type { NotifySectionProps } from './notify-props';
import { ServiceOverrides } from './ServiceOverrides';
import type { SettingsDraft } from './settings-draft';
import { settingsDraft, settingsOf } from './settings-draft';
import { StaffPhones } from './StaffPhones';
import { fieldErrors } from '@antre/ui';

/** Which channel carries what, when "N before you" is sent, the alarms' limits, retention. */
export function NotifySettingsForm(props: NotifySectionProps) {
  const { t, channels } = props;
  const token = props.session.token;
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notice, setNotice] = useState<{ text: string; kind: 'ok' | 'bad' } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void notifyApi.settings(token).then((answer) => {
      if (answer.ok) setDraft(settingsDraft(answer.value));
      else if (answer.status === 401) props.onUnauthorized();
      else
        setNotice({
          text: t('notifyLoadFailed', { reason: refusalText(answer.error, props.language) }),
          kind: 'bad',
        });
    });
  }, [token]);

  if (!draft) return notice ? <Notice {...notice} /> : <p className="muted">{t('loading')}</p>;
  const errors = fieldErrors(refusal);
  const set = (patch: Partial<SettingsDraft>): void => setDraft({ ...draft, ...patch });
  const number = (field: keyof SettingsDraft & string, label: string) => (
    <TextField
      label={label}
      type="number"
      value={String(draft[field])}
      onChange={(value) => set({ [field]: value })}
      error={errors[field]}
    />
  );
  // Web Push reaches a browser, never a phone number.
  const phoneChannels = [
    { value: '', label: t('noChannel') },
    ...channels
      .filter((c) => c.kind !== 'webpush')
      .map((c) => ({ value: c.id, label: c.enabled ? c.name : t('channelOff', { name: c.name }) })),
  ];

  async function save(current: SettingsDraft): Promise<void> {
    setBusy(true);
    const answer = await notifyApi.saveSettings(token, settingsOf(current));
    setBusy(false);
    if (answer.ok) {
      setDraft(settingsDraft(answer.value));
      setRefusal(null);
      setNotice({ text: t('settingsSaved'), kind: 'ok' });
    } else if (answer.status === 401) props.onUnauthorized();
    else {
      setRefusal(answer);
      setNotice({
        text:
          answer.status === 400
            ? t('notifyFixFields')
            : t('notifyRefused', { reason: refusalText(answer.error, props.language) }),
        kind: 'bad',
      });
    }
  }

  return (
    <form
      className="config-form notify-settings"
      aria-label={t('tabSettings')}
      onSubmit={(e) => {
        e.preventDefault();
        void save(draft);
      }}
    >
      <h2>{t('visitorsTitle')}</h2>
      <div className="form-grid">
        <SelectField
          label={t('phoneChannel')}
          value={draft.phoneChannelId}
          options={phoneChannels}
          onChange={(phoneChannelId) => set({ phoneChannelId })}
          error={errors.phoneChannelId}
        />
        {number('nearAhead', t('nearAhead'))}
        {number('perRecipientPerHour', t('perRecipientPerHour'))}
        {number('retentionDays', t('retentionDays'))}
      </div>
      <h2>{t('alarmsTitle')}</h2>
      <div className="form-grid">
        {number('waitOverTargetMinutes', t('waitOverTarget'))}
        {number('maxWaiting', t('maxWaiting'))}
        {number('pauseLimitMinutes', t('pauseLimit'))}
      </div>
      <ServiceOverrides
        {...props}
        overrides={draft.services}
        defaults={draft}
        errors={fieldsUnder(errors, 'services')}
        onChange={(services) => set({ services })}
      />
      <h2>{t('staffTitle')}</h2>
      <p className="muted">{t('staffHint')}</p>
      <div className="form-grid">
        <SelectField
          label={t('staffChannel')}
          value={draft.staffChannelId}
          options={phoneChannels}
          onChange={(staffChannelId) => set({ staffChannelId })}
          error={errors.staffChannelId}
        />
      </div>
      <StaffPhones
        {...props}
        phones={draft.staffPhones}
        errors={fieldsUnder(errors, 'staffPhones')}
        onChange={(staffPhones) => set({ staffPhones })}
      />
      {/* Said beside the button the admin just pressed, at the foot of a long form. */}
      <Notice text={notice?.text ?? null} kind={notice?.kind ?? 'ok'} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('saving') : t('save')}
        </button>
      </div>
    </form>
  );
}
