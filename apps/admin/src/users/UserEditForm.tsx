import type { Building } from '@antre/domain';
import type { UserView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { useState } from 'react';
import type { Refusal } from '../config-api';
import { configApi } from '../config-api';
import { refusalNotice } from '../conflict-messages';
import { Notice, SelectField, TextField } from '../components/ConfigField';
import { fieldErrors } from '@antre/ui';
import { translate } from '../messages';

/**
 * One person's name, role and agency. Only an admin moves people between roles and agencies,
 * and never themselves; an admin has no agency, everyone else needs one.
 */
export function UserEditForm(props: {
  user: UserView;
  token: string;
  language: Language;
  building: Building;
  isAdmin: boolean;
  isSelf: boolean;
  onSaved: (user: UserView) => void;
  onCancel: () => void;
  onUnauthorized: () => void;
}) {
  const t = translate(props.language);
  const { user } = props;
  const [draft, setDraft] = useState({
    displayName: user.displayName,
    role: user.role,
    agencyId: user.agencyId,
  });
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const mayMove = props.isAdmin && !props.isSelf;
  const roles: UserView['role'][] = ['officer', 'supervisor', 'admin'];
  const agencies = props.building.agencies;

  async function save(): Promise<void> {
    setBusy(true);
    const body = {
      ...draft,
      agencyId: draft.role === 'admin' ? null : (draft.agencyId ?? agencies[0]?.id ?? null),
    };
    const answer = await configApi.updateUser(props.token, user.id, body);
    setBusy(false);
    if (answer.ok) props.onSaved(answer.value);
    else if (answer.status === 401) props.onUnauthorized();
    else setRefusal(answer);
  }
  const e = fieldErrors(refusal);
  const title = t('editUserTitle', { name: `${user.displayName} (${user.username})` });
  const moves = draft.role !== user.role || draft.agencyId !== user.agencyId;

  return (
    <form
      className="config-form user-edit"
      aria-label={title}
      onSubmit={(ev) => {
        ev.preventDefault();
        void save();
      }}
    >
      <h2>{title}</h2>
      {refusal && <Notice text={refusalNotice(refusal, props.language)} kind="bad" />}
      <div className="form-grid">
        <TextField
          label={t('displayName')}
          value={draft.displayName}
          onChange={(displayName) => setDraft({ ...draft, displayName })}
          error={e.displayName}
        />
        {mayMove && (
          <SelectField
            label={t('role')}
            value={draft.role}
            options={roles.map((r) => ({ value: r, label: t(`role${r}`) }))}
            onChange={(role) => {
              const next = role as UserView['role'];
              setDraft({
                ...draft,
                role: next,
                agencyId: next === 'admin' ? null : (draft.agencyId ?? agencies[0]?.id ?? null),
              });
            }}
            error={e.role}
          />
        )}
        {mayMove && draft.role !== 'admin' && (
          <SelectField
            label={t('agency')}
            value={draft.agencyId ?? ''}
            options={agencies.map((a) => ({ value: a.id, label: a.name }))}
            onChange={(agencyId) => setDraft({ ...draft, agencyId })}
            error={e.agencyId}
          />
        )}
      </div>
      {props.isSelf && props.isAdmin && <p className="muted">{t('ownRole')}</p>}
      {moves && <p className="muted">{t('sessionsEnd', { name: user.displayName })}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('saving') : t('saveChanges')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
