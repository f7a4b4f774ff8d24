import type { Building } from '@antre/domain';
import type { FieldErrors } from '@antre/ui';
import { BookingSettingsFields } from './BookingSettingsFields';
import type { Service } from './building-drafts';
import { SelectField, TextField } from '../components/ConfigField';
import { fieldsUnder } from '../field-paths';
import { WeeklyHoursEditor } from '../components/WeeklyHoursEditor';
import type { Translate } from '../messages';

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const whole = (text: string): number => (text.trim() === '' ? NaN : Number(text));

/**
 * A service: name, prefix, agency, quota, hours, target wait, priority rule, online booking and
 * the six standards. `limited` is the supervisor's form: only what they may change (not name,
 * prefix, agency or priority rule).
 */
export function ServiceForm(props: {
  t: Translate;
  building: Building;
  draft: Service;
  onChange: (next: Service) => void;
  errors: FieldErrors;
  agencyLocked: boolean;
  limited?: boolean;
}) {
  const { t, draft: s, onChange, errors: e } = props;
  const full = !props.limited;
  const set = (patch: Partial<Service>) => onChange({ ...s, ...patch });
  const std = (patch: Partial<Service['standard']>) =>
    set({ standard: { ...s.standard, ...patch } });
  const rule = s.priorityRule;
  return (
    <>
      <div className="form-grid">
        {full && (
          <TextField
            label={t('name')}
            value={s.name}
            onChange={(name) => set({ name })}
            error={e.name ?? e.id}
          />
        )}
        {full && (
          <TextField
            label={t('prefix')}
            value={s.prefix}
            onChange={(prefix) => set({ prefix: prefix.toUpperCase() })}
            error={e.prefix}
          />
        )}
        {full && !props.agencyLocked && (
          <SelectField
            label={t('agency')}
            value={s.agencyId}
            options={props.building.agencies.map((a) => ({ value: a.id, label: a.name }))}
            onChange={(agencyId) => set({ agencyId })}
            error={e.agencyId}
          />
        )}
        <TextField
          label={t('dailyQuota')}
          type="number"
          value={s.dailyQuota === null ? '' : String(s.dailyQuota)}
          onChange={(v) => set({ dailyQuota: v.trim() === '' ? null : Number(v) })}
          error={e.dailyQuota}
        />
        <TextField
          label={t('targetWait')}
          type="number"
          value={Number.isNaN(s.targetWaitMinutes) ? '' : String(s.targetWaitMinutes)}
          onChange={(v) => set({ targetWaitMinutes: whole(v) })}
          error={e.targetWaitMinutes}
        />
        {full && (
          <SelectField
            label={t('priorityRule')}
            value={rule.kind}
            options={[
              { value: 'strict', label: t('priorityStrict') },
              { value: 'interleave', label: t('priorityInterleave') },
            ]}
            onChange={(kind) =>
              set({
                priorityRule:
                  kind === 'strict'
                    ? { kind: 'strict' }
                    : { kind: 'interleave', regularPerPriority: 3 },
              })
            }
            error={e.priorityRule ?? e['priorityRule.kind']}
          />
        )}
        {full && rule.kind === 'interleave' && (
          <TextField
            label={t('regularPerPriority')}
            type="number"
            value={Number.isNaN(rule.regularPerPriority) ? '' : String(rule.regularPerPriority)}
            onChange={(v) =>
              set({ priorityRule: { kind: 'interleave', regularPerPriority: whole(v) } })
            }
            error={e['priorityRule.regularPerPriority']}
          />
        )}
      </div>
      <fieldset className="service-hours">
        <legend>{t('serviceHours')}</legend>
        <label className="check">
          <input
            type="radio"
            name="service-hours"
            checked={s.hours === null}
            onChange={() => set({ hours: null })}
          />
          {t('followSite')}
        </label>
        <label className="check">
          <input
            type="radio"
            name="service-hours"
            checked={s.hours !== null}
            onChange={() => set({ hours: { ...props.building.site.hours } })}
          />
          {t('ownHours')}
        </label>
        {s.hours !== null && (
          <WeeklyHoursEditor
            t={t}
            hours={s.hours}
            onChange={(hours) => set({ hours })}
            errors={fieldsUnder(e, 'hours')}
          />
        )}
      </fieldset>
      <BookingSettingsFields
        t={t}
        building={props.building}
        draft={s}
        onChange={(booking) => set({ booking })}
        errors={e}
      />
      <h3>{t('standardTitle')}</h3>
      <div className="form-grid">
        <TextField
          label={t('standardRequirements')}
          multiline
          value={s.standard.requirements.join('\n')}
          onChange={(v) => std({ requirements: lines(v) })}
          error={e['standard.requirements'] ?? e['standard.requirements.0']}
        />
        <TextField
          label={t('standardProcedure')}
          multiline
          value={s.standard.procedure.join('\n')}
          onChange={(v) => std({ procedure: lines(v) })}
          error={e['standard.procedure'] ?? e['standard.procedure.0']}
        />
        <TextField
          label={t('standardDuration')}
          value={s.standard.duration}
          onChange={(duration) => std({ duration })}
          error={e['standard.duration']}
        />
        <TextField
          label={t('standardCost')}
          value={s.standard.cost}
          onChange={(cost) => std({ cost })}
          error={e['standard.cost']}
        />
        <TextField
          label={t('standardProduct')}
          value={s.standard.product}
          onChange={(product) => std({ product })}
          error={e['standard.product']}
        />
        <TextField
          label={t('standardComplaints')}
          value={s.standard.complaints}
          onChange={(complaints) => std({ complaints })}
          error={e['standard.complaints']}
        />
      </div>
    </>
  );
}
