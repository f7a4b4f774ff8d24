import type { Building } from '@antre/domain';
import type { FieldErrors } from '@antre/ui';
import { AgencyForm } from './AgencyForm';
import type { Agency, Item, Section, Service } from './building-drafts';
import { TextField } from '../components/ConfigField';
import { CounterForm } from './CounterForm';
import { ServiceForm } from './ServiceForm';
import type { Translate } from '../messages';

export interface Editing {
  section: Section;
  draft: Item;
}

/** The add or edit form of one item; a supervisor gets only the fields they may change. */
export function BuildingItemForm(props: {
  editing: Editing;
  building: Building;
  isAdmin: boolean;
  errors: FieldErrors;
  busy: boolean;
  t: Translate;
  onChange: (editing: Editing) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { editing, building, isAdmin, errors, busy, t, onChange } = props;
  return (
    <form
      className="config-form"
      aria-label={t(editing.section)}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
      }}
    >
      <h2>
        {editing.draft.id ? t('edit') : t('add')} — {t(editing.section)}
        {!isAdmin && ` — ${(editing.draft as Service).name}`}
      </h2>
      {!isAdmin && <p className="muted">{t('supervisorHint')}</p>}
      {editing.section === 'zones' && (
        <TextField
          label={t('name')}
          value={(editing.draft as { name: string }).name}
          onChange={(name) => onChange({ ...editing, draft: { ...editing.draft, name } })}
          error={errors.name ?? errors.id}
        />
      )}
      {editing.section === 'agencies' && (
        <AgencyForm
          t={t}
          draft={editing.draft as Agency}
          onChange={(draft) => onChange({ ...editing, draft })}
          errors={errors}
        />
      )}
      {editing.section === 'services' && (
        <ServiceForm
          t={t}
          building={building}
          draft={editing.draft as Service}
          onChange={(draft) => onChange({ ...editing, draft })}
          errors={errors}
          agencyLocked={false}
          limited={!isAdmin}
        />
      )}
      {editing.section === 'counters' && (
        <CounterForm
          t={t}
          building={building}
          draft={editing.draft as never}
          onChange={(draft) => onChange({ ...editing, draft })}
          errors={errors}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('saving') : t('save')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
