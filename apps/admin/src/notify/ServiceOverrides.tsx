import type { Service } from '@antre/domain';
import type { FieldErrors } from '@antre/ui';
import { useState } from 'react';
import { fieldMessage } from '../field-messages';
import type { NotifySectionProps } from './notify-props';
import type { OverrideDraft, OverrideField, SettingsDraft } from './settings-draft';
import { OVERRIDE_FIELDS } from './settings-draft';
import type { MessageKey } from '../messages';

// A building may have 2,000 services: the table shows the ones set, and a few found by name.
const SHOWN_MAX = 20;
const HEADS: Record<OverrideField, MessageKey> = {
  nearAhead: 'nearAheadShort',
  waitOverTargetMinutes: 'waitOverTargetShort',
  maxWaiting: 'maxWaitingShort',
};
const BLANK: OverrideDraft = { nearAhead: '', waitOverTargetMinutes: '', maxWaiting: '' };

/** Per service, what differs from the building's numbers; empty means the building's. */
export function ServiceOverrides(
  props: NotifySectionProps & {
    overrides: SettingsDraft['services'];
    defaults: SettingsDraft;
    errors: FieldErrors;
    onChange: (services: SettingsDraft['services']) => void;
  },
) {
  const { t, building, overrides, errors } = props;
  const [filter, setFilter] = useState('');
  const agency = (s: Service) =>
    building.agencies.find((a) => a.id === s.agencyId)?.shortName ?? s.agencyId;
  const words = filter.trim().toLowerCase();
  const matches = (s: Service) =>
    words !== '' && `${s.name} ${agency(s)}`.toLowerCase().includes(words);
  const set = building.services.filter((s) => s.id in overrides);
  const found = building.services.filter((s) => !(s.id in overrides) && matches(s));
  const rows = [...set, ...found.slice(0, SHOWN_MAX)];
  const change = (id: string, field: OverrideField, value: string): void =>
    props.onChange({ ...overrides, [id]: { ...(overrides[id] ?? BLANK), [field]: value } });

  return (
    <section className="service-overrides" aria-labelledby="overrides-title">
      <h2 id="overrides-title">{t('notifyOverridesTitle')}</h2>
      <p className="muted">{t('notifyOverridesHint')}</p>
      <label className="overrides-filter">
        {t('overridesFilter')}
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      {errors[''] && (
        <p className="field-error" role="alert">
          {fieldMessage(errors[''], props.language)}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="muted">{words ? t('notifyOverridesNone') : t('overridesEmpty')}</p>
      ) : (
        <table className="data compact overrides" data-testid="service-overrides">
          <thead>
            <tr>
              <th>{t('service')}</th>
              {OVERRIDE_FIELDS.map((f) => (
                <th key={f} className="num">
                  {t(HEADS[f])}
                  <small>{t('buildingValue', { n: props.defaults[f] })}</small>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.name}
                  <small className="detail">{agency(s)}</small>
                </td>
                {OVERRIDE_FIELDS.map((f) => {
                  const error = errors[`${s.id}.${f}`];
                  return (
                    <td key={f} className={error ? 'num bad' : 'num'}>
                      <input
                        type="number"
                        aria-label={`${t(HEADS[f])}: ${s.name}`}
                        aria-invalid={!!error}
                        placeholder={props.defaults[f]}
                        value={overrides[s.id]?.[f] ?? ''}
                        onChange={(e) => change(s.id, f, e.target.value)}
                      />
                      {error && (
                        <span className="field-error" role="alert">
                          {fieldMessage(error, props.language)}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {found.length > SHOWN_MAX && (
        <p className="muted">{t('overridesMore', { n: found.length - SHOWN_MAX })}</p>
      )}
    </section>
  );
}
