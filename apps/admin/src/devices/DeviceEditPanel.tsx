import type { Building } from '@antre/domain';
import type { DeviceSummary } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { useEffect, useRef, useState } from 'react';
import type { Refusal } from '../config-api';
import { Notice, TextField } from '../components/ConfigField';
import { refusalNotice } from '../conflict-messages';
import { deviceApi } from './device-api';
import type { DeviceDraft } from './device-draft';
import { draftOf, placeOf, settingsOf } from './device-draft';
import { DevicePlaceFields } from './DevicePlaceFields';
import { fieldErrors } from '@antre/ui';
import type { Translate } from '../messages';

/** One device's name, place and settings; saved changes reach the device at once. */
export function DeviceEditPanel(props: {
  device: DeviceSummary;
  building: Building;
  token: string;
  t: Translate;
  language: Language;
  onSaved: (device: DeviceSummary) => void;
  onClose: () => void;
}) {
  const { t } = props;
  const [draft, setDraft] = useState<DeviceDraft>(() => draftOf(props.device));
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notice, setNotice] = useState<{ text: string; kind: 'ok' | 'bad' } | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // No `return`: Chromium's scrollIntoView returns a promise, which React would take for a cleanup.
    form.current?.scrollIntoView({ block: 'start' });
  }, [props.device.id]);

  async function save(): Promise<void> {
    setSaving(true);
    const answer = await deviceApi.update(props.token, props.device.id, {
      name: draft.name,
      ...placeOf(draft),
      settings: settingsOf(draft),
    });
    setSaving(false);
    if (!answer.ok) {
      setRefusal(answer);
      setNotice({
        text: refusalNotice(answer, props.language),
        kind: 'bad',
      });
      return;
    }
    setRefusal(null);
    const saved = t('deviceSaved', { name: answer.value.name });
    setNotice(
      draft.role === 'kiosk' && draft.kiosk.printerKind === ''
        ? { text: `${saved} ${t('savedNoPrinter', { name: answer.value.name })}`, kind: 'bad' }
        : { text: saved, kind: 'ok' },
    );
    props.onSaved(answer.value);
  }

  return (
    <form
      ref={form}
      className="config-form"
      aria-label={t('editDeviceTitle', { name: props.device.name })}
      onSubmit={(ev) => {
        ev.preventDefault();
        void save();
      }}
    >
      <h2>{t('editDeviceTitle', { name: props.device.name })}</h2>
      <Notice text={notice?.text ?? null} kind={notice?.kind ?? 'ok'} />
      <div className="form-grid">
        <TextField
          label={t('name')}
          value={draft.name}
          onChange={(name) => setDraft({ ...draft, name })}
          error={fieldErrors(refusal).name}
        />
        <DevicePlaceFields
          draft={draft}
          onChange={setDraft}
          errors={fieldErrors(refusal)}
          building={props.building}
          t={t}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>
        <button type="button" className="secondary" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
    </form>
  );
}
