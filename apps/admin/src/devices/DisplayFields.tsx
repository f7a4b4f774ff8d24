import type { Building } from '@antre/domain';
import type { FieldErrors } from '@antre/ui';
import { Check, Checks, toggle } from '../components/Checks';
import { SelectField, TextField } from '../components/ConfigField';
import type { DeviceDraft } from './device-draft';
import { errorUnder } from '../field-paths';
import type { Translate } from '../messages';

type Errors = FieldErrors;

/** A board's zones, layout and voice. */
export function DisplayFields(props: {
  draft: DeviceDraft;
  onChange: (draft: DeviceDraft) => void;
  errors: Errors;
  building: Building;
  t: Translate;
}) {
  const { draft, errors, building, t } = props;
  const d = draft.display;
  const setD = (change: Partial<DeviceDraft['display']>) =>
    props.onChange({ ...draft, display: { ...d, ...change } });
  const e = (path: string) => errorUnder(errors, `settings.${path}`);
  const nameOf = (id: string) => building.agencies.find((a) => a.id === id)?.shortName ?? id;
  const moveUp = (i: number) => {
    const columns = [...d.agencyColumns];
    [columns[i - 1], columns[i]] = [columns[i]!, columns[i - 1]!];
    setD({ agencyColumns: columns });
  };
  return (
    <>
      <Checks legend={t('placeTitle')} hint={t('zonesHint')} error={errorUnder(errors, 'zoneIds')}>
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
        label={t('screenLanguage')}
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
