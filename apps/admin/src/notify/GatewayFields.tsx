import { GATEWAY_PLACEHOLDERS } from '@antre/protocol';
import type { FieldErrors } from '@antre/ui';
import { useEffect, useState } from 'react';
import type { ChannelDraft, HeaderDraft } from './channel-draft';
import { draftFromPreset, emptyDraft } from './channel-draft';
import { SelectField, TextField } from '../components/ConfigField';
import type { GatewayPreset } from './notify-api';
import { notifyApi } from './notify-api';
import { presetNote } from './notify-words';
import type { NotifySectionProps } from './notify-props';
import { SecretField } from './SecretField';

const BLANK = '';

/** An HTTP SMS/WhatsApp gateway: from a preset or blank, its address, headers and body. */
export function GatewayFields(
  props: NotifySectionProps & {
    draft: ChannelDraft;
    set: (patch: Partial<ChannelDraft>) => void;
    replace: (draft: ChannelDraft) => void;
    errors: FieldErrors;
  },
) {
  const { t, draft, set, errors } = props;
  const [presets, setPresets] = useState<GatewayPreset[]>([]);
  const [presetId, setPresetId] = useState(BLANK);
  const isNew = draft.id === null;

  useEffect(() => {
    if (!isNew) return;
    void notifyApi.presets(props.session.token).then((answer) => {
      if (answer.ok) setPresets(answer.value);
    });
  }, [isNew]);

  function choosePreset(id: string): void {
    setPresetId(id);
    const preset = presets.find((p) => p.id === id);
    const next = preset ? draftFromPreset(preset) : emptyDraft('http');
    props.replace({ ...next, enabled: draft.enabled });
  }
  const preset = presets.find((p) => p.id === presetId);

  return (
    <>
      {isNew && (
        <div className="form-grid">
          <SelectField
            label={t('startFrom')}
            value={presetId}
            options={[
              { value: BLANK, label: t('blankGateway') },
              ...presets.map((p) => ({ value: p.id, label: p.name })),
            ]}
            onChange={choosePreset}
          />
          {preset && (
            <p className="preset-note wide" data-testid="preset-note">
              {presetNote(props.t, preset)}
            </p>
          )}
        </div>
      )}
      <div className="form-grid">
        <div className="wide">
          <TextField
            label={t('gatewayUrl')}
            value={draft.url}
            onChange={(url) => set({ url })}
            error={errors.url}
          />
        </div>
        <SelectField
          label={t('method')}
          value={draft.method}
          options={[
            { value: 'POST', label: 'POST' },
            { value: 'GET', label: 'GET' },
          ]}
          onChange={(method) => set({ method: method === 'GET' ? 'GET' : 'POST' })}
          error={errors.method}
        />
        <SelectField
          label={t('contentType')}
          value={draft.contentType}
          options={[
            { value: 'json', label: t('contentJson') },
            { value: 'form', label: t('contentForm') },
          ]}
          onChange={(c) => set({ contentType: c === 'form' ? 'form' : 'json' })}
          error={errors.contentType}
        />
      </div>
      <HeaderRows {...props} />
      <div className="form-grid">
        <div className="wide">
          <TextField
            label={t('gatewayBody')}
            value={draft.body}
            multiline
            onChange={(body) => set({ body })}
            error={errors.body}
          />
          <p className="muted placeholder-list">
            {t('gatewayPlaceholders')}{' '}
            {GATEWAY_PLACEHOLDERS.map((p) => (
              <code key={p}>{`{{${p}}}`}</code>
            ))}
          </p>
        </div>
      </div>
    </>
  );
}

function HeaderRows(props: {
  t: NotifySectionProps['t'];
  draft: ChannelDraft;
  set: (patch: Partial<ChannelDraft>) => void;
  errors: FieldErrors;
}) {
  const { t, draft, errors } = props;
  const change = (i: number, patch: Partial<HeaderDraft>): void =>
    props.set({ headers: draft.headers.map((h, j) => (j === i ? { ...h, ...patch } : h)) });
  return (
    <fieldset className={errors.headers ? 'headers bad' : 'headers'}>
      <legend>{t('headers')}</legend>
      {draft.headers.length === 0 && <p className="muted">{t('noHeaders')}</p>}
      {draft.headers.map((h, i) => (
        <div className="header-row" key={i} data-testid={`header-${i}`}>
          <TextField
            label={t('headerName')}
            value={h.name}
            onChange={(name) => change(i, { name })}
            error={errors[`headers.${i}.name`]}
          />
          {h.secret ? (
            <SecretField
              label={t('headerValue')}
              value={h.value}
              stored={h.stored}
              keepHint={(masked) => t('secretKept', { masked })}
              onChange={(value) => change(i, { value })}
              error={errors[`headers.${i}.value`]}
            />
          ) : (
            <TextField
              label={t('headerValue')}
              value={h.value}
              onChange={(value) => change(i, { value })}
              error={errors[`headers.${i}.value`]}
            />
          )}
          <label className="check">
            <input
              type="checkbox"
              checked={h.secret}
              onChange={(e) => change(i, { secret: e.target.checked, value: '' })}
            />
            {t('headerSecret')}
          </label>
          <button
            type="button"
            className="link danger"
            aria-label={t('removeHeader', { name: h.name || String(i + 1) })}
            onClick={() => props.set({ headers: draft.headers.filter((_, j) => j !== i) })}
          >
            {t('remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        disabled={draft.headers.length >= 10}
        onClick={() =>
          props.set({
            headers: [...draft.headers, { name: '', value: '', secret: false, stored: null }],
          })
        }
      >
        {t('addHeader')}
      </button>
    </fieldset>
  );
}
