import type { FieldErrors } from '@antre/ui';
import { SelectField, TextField } from '../components/ConfigField';
import type { NotifySectionProps } from './notify-props';
import type { SettingsDraft } from './settings-draft';

type Phones = SettingsDraft['staffPhones'];
const MAX_PHONES = 50;

/** Staff numbers that receive alarms: per agency, or "all agencies" for the building's desk. */
export function StaffPhones(
  props: NotifySectionProps & {
    phones: Phones;
    errors: FieldErrors;
    onChange: (phones: Phones) => void;
  },
) {
  const { t, phones, errors, building } = props;
  const agencies = [
    { value: '', label: t('allAgencies') },
    ...building.agencies.map((a) => ({ value: a.id, label: a.shortName })),
  ];
  const change = (i: number, patch: Partial<Phones[number]>): void =>
    props.onChange(phones.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className="staff-phones">
      <legend>{t('staffPhones')}</legend>
      {phones.length === 0 && <p className="muted">{t('noStaffPhones')}</p>}
      {phones.map((p, i) => (
        <div className="staff-phone-row" key={i} data-testid={`staff-phone-${i}`}>
          <SelectField
            label={t('agency')}
            value={p.agencyId}
            options={agencies}
            onChange={(agencyId) => change(i, { agencyId })}
            error={errors[`${i}.agencyId`]}
          />
          <TextField
            label={t('staffPhone')}
            type="tel"
            value={p.phone}
            onChange={(phone) => change(i, { phone })}
            error={errors[`${i}.phone`]}
          />
          <button
            type="button"
            className="link danger"
            aria-label={t('removePhone', { phone: p.phone || String(i + 1) })}
            onClick={() => props.onChange(phones.filter((_, j) => j !== i))}
          >
            {t('remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        disabled={phones.length >= MAX_PHONES}
        onClick={() => props.onChange([...phones, { agencyId: '', phone: '' }])}
      >
        {t('addPhone')}
      </button>
    </fieldset>
  );
}
