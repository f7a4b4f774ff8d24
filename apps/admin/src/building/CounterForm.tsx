import type { Building } from '@antre/domain';
import type { FieldErrors } from '@antre/ui';
import type { Counter } from './building-drafts';
import { SelectField, TextField } from '../components/ConfigField';
import { fieldMessage, pageLanguage } from '../field-messages';
import type { Translate } from '../messages';

/** A counter: number, name, agency, zone, and its services in calling order. */
export function CounterForm(props: {
  t: Translate;
  building: Building;
  draft: Counter;
  onChange: (next: Counter) => void;
  errors: FieldErrors;
}) {
  const { t, building, draft: c, onChange, errors: e } = props;
  const set = (patch: Partial<Counter>) => onChange({ ...c, ...patch });
  const offered = building.services.filter((s) => s.agencyId === c.agencyId);
  const chosen = c.services.map((link) => link.serviceId);
  const toggle = (serviceId: string, on: boolean) =>
    set({
      services: on
        ? [...c.services, { serviceId, weight: 1 }]
        : c.services.filter((l) => l.serviceId !== serviceId),
    });
  const moveUp = (i: number) => {
    const next = [...c.services];
    [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
    set({ services: next });
  };
  const servicesError =
    e.services ?? Object.entries(e).find(([path]) => path.startsWith('services.'))?.[1];
  return (
    <div className="form-grid">
      <TextField
        label={t('number')}
        type="number"
        value={Number.isNaN(c.number) ? '' : String(c.number)}
        onChange={(v) => set({ number: v.trim() === '' ? NaN : Number(v) })}
        error={e.number}
      />
      <TextField
        label={t('name')}
        value={c.name}
        onChange={(name) => set({ name })}
        error={e.name ?? e.id}
      />
      <SelectField
        label={t('agency')}
        value={c.agencyId}
        options={building.agencies.map((a) => ({ value: a.id, label: a.name }))}
        onChange={(agencyId) => set({ agencyId, services: [] })}
        error={e.agencyId}
      />
      <SelectField
        label={t('zone')}
        value={c.zoneId}
        options={building.zones.map((z) => ({ value: z.id, label: z.name }))}
        onChange={(zoneId) => set({ zoneId })}
        error={e.zoneId}
      />
      <fieldset className={servicesError ? 'wide bad' : 'wide'}>
        <legend>{t('counterServices')}</legend>
        {offered.length === 0 && <p className="muted">{t('chooseAgencyFirst')}</p>}
        {offered.map((s) => (
          <label key={s.id} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(s.id)}
              onChange={(ev) => toggle(s.id, ev.target.checked)}
            />
            {s.prefix} · {s.name}
          </label>
        ))}
        {c.services.length > 1 && (
          <ol className="order">
            {c.services.map((link, i) => {
              const name =
                building.services.find((s) => s.id === link.serviceId)?.name ?? link.serviceId;
              return (
                <li key={link.serviceId}>
                  {name}
                  {i > 0 && (
                    <button
                      type="button"
                      className="link"
                      aria-label={t('moveUp', { name })}
                      onClick={() => moveUp(i)}
                    >
                      ↑
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {servicesError && (
          <span className="field-error" role="alert">
            {fieldMessage(servicesError, pageLanguage())}
          </span>
        )}
      </fieldset>
    </div>
  );
}
