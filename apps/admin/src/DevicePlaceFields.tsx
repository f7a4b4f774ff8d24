import type { Building } from '@antre/domain';
import type { ReactNode } from 'react';
import { SelectField, TextField } from './ConfigField';
import type { DeviceDraft, PrinterKind } from './device-draft';
import type { DeviceT } from './device-messages';
import { fieldMessage, pageLanguage } from './field-messages';

type Errors = Record<string, string>;

const toggle = (list: string[], id: string, on: boolean) =>
  on ? [...list, id] : list.filter((x) => x !== id);

/** A fieldset of checkboxes with the hub's complaint about any of them underneath. */
function Checks(props: {
  legend: string;
  hint?: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset className={props.error ? 'wide bad' : 'wide'}>
      <legend>{props.legend}</legend>
      {props.hint && <p className="muted hint">{props.hint}</p>}
      {props.children}
      {props.error && (
        <span className="field-error" role="alert">
          {fieldMessage(props.error, pageLanguage())}
        </span>
      )}
    </fieldset>
  );
}

function Check(props: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(ev) => props.onChange(ev.target.checked)}
      />
      {props.label}
    </label>
  );
}

/** The first complaint at or under a path (`zoneIds` covers `zoneIds.2`). */
const under = (errors: Errors, path: string): string | undefined =>
  Object.entries(errors).find(([p]) => p === path || p.startsWith(`${path}.`))?.[1];

/** Where a device works and how: zones or agencies, then its printer or its board. */
export function DevicePlaceFields(props: {
  draft: DeviceDraft;
  onChange: (draft: DeviceDraft) => void;
  errors: Errors;
  building: Building;
  t: DeviceT;
}) {
  const { draft, errors, building, t } = props;
  const set = (change: Partial<DeviceDraft>) => props.onChange({ ...draft, ...change });
  if (draft.role === 'display') return <DisplayFields {...props} />;
  if (draft.role !== 'kiosk') return null;
  const k = draft.kiosk;
  const setK = (change: Partial<DeviceDraft['kiosk']>) => set({ kiosk: { ...k, ...change } });
  const e = (path: string) => under(errors, `settings.${path}`);
  return (
    <>
      <Checks legend={t('placeTitle')} hint={t('agenciesHint')} error={under(errors, 'agencyIds')}>
        {building.agencies.map((a) => (
          <Check
            key={a.id}
            label={a.shortName}
            checked={draft.agencyIds.includes(a.id)}
            onChange={(on) => set({ agencyIds: toggle(draft.agencyIds, a.id, on) })}
          />
        ))}
      </Checks>
      <h3 className="wide">{t('printerTitle')}</h3>
      <SelectField
        label={t('printerKind')}
        value={k.printerKind}
        options={[
          ...(k.printerKind === '' ? [{ value: '', label: t('printerNone') }] : []),
          { value: 'tcp', label: t('printerTcp') },
          { value: 'device', label: t('printerDevice') },
          { value: 'shell', label: t('printerShell') },
          { value: 'virtual', label: t('printerVirtual') },
        ]}
        onChange={(kind) => setK({ printerKind: kind as PrinterKind })}
        error={e('printer.kind') ?? (errors['settings.printer'] || undefined)}
      />
      {k.printerKind === 'tcp' && (
        <>
          <TextField
            label={t('host')}
            value={k.host}
            onChange={(host) => setK({ host })}
            error={e('printer.host')}
          />
          <TextField
            label={t('port')}
            value={k.port}
            onChange={(port) => setK({ port })}
            error={e('printer.port')}
          />
        </>
      )}
      {k.printerKind === 'device' && (
        <TextField
          label={t('devicePath')}
          value={k.path}
          onChange={(path) => setK({ path })}
          error={e('printer.path')}
        />
      )}
      <SelectField
        label={t('model')}
        value={k.model}
        options={[
          { value: 'epson', label: t('modelEpson') },
          { value: 'generic', label: t('modelGeneric') },
        ]}
        onChange={(model) => setK({ model: model as 'epson' | 'generic' })}
        error={e('model')}
      />
      <SelectField
        label={t('paperWidth')}
        value={String(k.paperWidth)}
        options={[80, 58].map((n) => ({ value: String(n), label: t('mm', { n }) }))}
        onChange={(w) => setK({ paperWidth: w === '58' ? 58 : 80 })}
        error={e('paperWidth')}
      />
      <TextField
        label={t('idleSeconds')}
        value={k.idleSeconds}
        onChange={(idleSeconds) => setK({ idleSeconds })}
        error={e('idleSeconds')}
      />
      <TextField
        label={t('footer')}
        value={k.footer}
        onChange={(footer) => setK({ footer })}
        error={e('footer')}
      />
    </>
  );
}

function DisplayFields(props: {
  draft: DeviceDraft;
  onChange: (draft: DeviceDraft) => void;
  errors: Errors;
  building: Building;
  t: DeviceT;
}) {
  const { draft, errors, building, t } = props;
  const d = draft.display;
  const setD = (change: Partial<DeviceDraft['display']>) =>
    props.onChange({ ...draft, display: { ...d, ...change } });
  const e = (path: string) => under(errors, `settings.${path}`);
  const nameOf = (id: string) => building.agencies.find((a) => a.id === id)?.shortName ?? id;
  const moveUp = (i: number) => {
    const columns = [...d.agencyColumns];
    [columns[i - 1], columns[i]] = [columns[i]!, columns[i - 1]!];
    setD({ agencyColumns: columns });
  };
  return (
    <>
      <Checks legend={t('placeTitle')} hint={t('zonesHint')} error={under(errors, 'zoneIds')}>
        {building.zones.map((z) => (
          <Check
            key={z.id}
            label={z.name}
            checked={draft.zoneIds.includes(z.id)}
            onChange={(on) =>
              props.onChange({ ...draft, zoneIds: toggle(draft.zoneIds, z.id, on) })
            }
          />
        ))}
      </Checks>
      <h3 className="wide">{t('layoutTitle')}</h3>
      <TextField
        label={t('recentCalls')}
        value={d.recentCalls}
        onChange={(recentCalls) => setD({ recentCalls })}
        error={e('recentCalls')}
      />
      <div className="field">
        <Check
          label={t('showMedia')}
          checked={d.showMedia}
          onChange={(showMedia) => setD({ showMedia })}
        />
      </div>
      {d.showMedia && (
        <TextField
          label={t('mediaSeconds')}
          value={d.mediaSeconds}
          onChange={(mediaSeconds) => setD({ mediaSeconds })}
          error={e('mediaSeconds')}
        />
      )}
      <Checks legend={t('agencyColumns')} error={e('agencyColumns')}>
        {building.agencies.map((a) => (
          <Check
            key={a.id}
            label={a.shortName}
            checked={d.agencyColumns.includes(a.id)}
            onChange={(on) => setD({ agencyColumns: toggle(d.agencyColumns, a.id, on) })}
          />
        ))}
        {d.agencyColumns.length > 1 && (
          <ol className="order">
            {d.agencyColumns.map((id, i) => (
              <li key={id}>
                {nameOf(id)}
                {i > 0 && (
                  <button
                    type="button"
                    className="link"
                    aria-label={t('moveUp', { name: nameOf(id) })}
                    onClick={() => moveUp(i)}
                  >
                    ↑
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
      </Checks>
      <div className="wide">
        <TextField
          label={t('runningText')}
          value={d.runningText}
          onChange={(runningText) => setD({ runningText })}
          error={e('runningText')}
          multiline
        />
      </div>
      <h3 className="wide">{t('voiceTitle')}</h3>
      <SelectField
        label={t('language')}
        value={d.language}
        options={[
          { value: 'id', label: t('languageId') },
          { value: 'en', label: t('languageEn') },
        ]}
        onChange={(language) => setD({ language: language === 'en' ? 'en' : 'id' })}
        error={e('language')}
      />
      <Checks legend={t('voiceLanguages')} error={e('voice') ?? e('voiceLanguages')}>
        <Check label={t('voice')} checked={d.voice} onChange={(voice) => setD({ voice })} />
        <Check
          label={t('voiceEnglishToo')}
          checked={d.englishToo}
          onChange={(englishToo) => setD({ englishToo })}
        />
        <Check
          label={t('repeatCall')}
          checked={d.repeatCall}
          onChange={(repeatCall) => setD({ repeatCall })}
        />
        <Check
          label={t('announceAgency')}
          checked={d.announceAgency}
          onChange={(announceAgency) => setD({ announceAgency })}
        />
      </Checks>
    </>
  );
}
