import '../admin-config.css';
import '../admin-site.css';
import type { UserView } from '@antre/protocol';
import { useEffect, useState } from 'react';
import type { NewUser, Refusal } from '../config-api';
import { configApi } from '../config-api';
import { conflictText } from '../conflict-messages';
import { Notice, SelectField, TextField } from '../components/ConfigField';
import { ConfirmDialog } from '../components/ConfirmDialog';
import type { PageProps } from '../page-props';
import { UserEditForm } from './UserEditForm';
import { UserTable } from './UserTable';
import { useFreshBuilding } from '../use-fresh-building';
import { fieldErrors } from '@antre/ui';

/** People: an admin sees everyone, a supervisor their agency's and may add its officers. */
export function UsersPage(props: PageProps) {
  const { t } = props;
  const building = useFreshBuilding(props.session.token, props.building);
  const { token, user: me } = props.session;
  const isAdmin = me.role === 'admin';
  const [users, setUsers] = useState<UserView[] | null>(null);
  const blank: NewUser = {
    username: '',
    displayName: '',
    role: 'officer',
    agencyId: me.agencyId ?? building.agencies[0]?.id ?? null,
  };
  const [draft, setDraft] = useState<NewUser>(blank);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notice, setNotice] = useState<{ text: string; kind: 'ok' | 'bad' } | null>(null);
  const [deactivating, setDeactivating] = useState<{ user: UserView; problem?: string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<UserView | null>(null);

  const load = async () => {
    const answer = await configApi.users(token);
    if (answer.ok) setUsers(answer.value.users);
    else if (answer.status === 401) props.onUnauthorized();
  };
  useEffect(() => void load(), []);

  const agencies = building.agencies.filter((a) => isAdmin || a.id === me.agencyId);
  const roles: UserView['role'][] = isAdmin ? ['officer', 'supervisor', 'admin'] : ['officer'];

  async function add(): Promise<void> {
    const body = { ...draft, agencyId: draft.role === 'admin' ? null : draft.agencyId };
    const answer = await configApi.addUser(token, body);
    if (!answer.ok) {
      setRefusal(answer);
      setNotice({
        text:
          answer.status === 400
            ? t('fixFields')
            : t('refused', { reason: conflictText(answer.error, props.language) }),
        kind: 'bad',
      });
      return;
    }
    setRefusal(null);
    setDraft(blank);
    setNotice(
      answer.value.password
        ? {
            text: t('newPassword', {
              user: answer.value.user.username,
              password: answer.value.password,
            }),
            kind: 'ok',
          }
        : null,
    );
    await load();
  }
  // Asked in the page's own dialog; a refusal is said there, where the admin is looking.
  async function deactivate(user: UserView): Promise<void> {
    setBusy(true);
    const answer = await configApi.deactivate(token, user.id);
    setBusy(false);
    if (!answer.ok) {
      setDeactivating({ user, problem: conflictText(answer.error, props.language) });
      return;
    }
    setDeactivating(null);
    setNotice({ text: t('deactivated', { name: user.displayName }), kind: 'ok' });
    await load();
  }
  async function resetPassword(user: UserView): Promise<void> {
    const answer = await configApi.resetPassword(token, user.id);
    setNotice(
      answer.ok
        ? {
            text: t('newPassword', { user: user.username, password: answer.value.password }),
            kind: 'ok',
          }
        : {
            text: t('refused', { reason: conflictText(answer.error, props.language) }),
            kind: 'bad',
          },
    );
    await load();
  }
  async function unlock(user: UserView): Promise<void> {
    const answer = await configApi.unlockUser(token, user.id);
    if (!answer.ok && answer.status === 401) return props.onUnauthorized();
    setNotice(
      answer.ok
        ? { text: t('unlocked', { name: user.displayName }), kind: 'ok' }
        : {
            text: t('refused', { reason: conflictText(answer.error, props.language) }),
            kind: 'bad',
          },
    );
    await load();
  }
  const e = fieldErrors(refusal);

  return (
    <>
      <div className="page-head">
        <h1>{t('usersTitle')}</h1>
      </div>
      {notice && <Notice text={notice.text} kind={notice.kind} />}
      <form
        className="config-form"
        aria-label={t('add')}
        onSubmit={(ev) => {
          ev.preventDefault();
          void add();
        }}
      >
        <div className="form-grid">
          <TextField
            label={t('username')}
            value={draft.username}
            onChange={(username) => setDraft({ ...draft, username })}
            error={e.username}
          />
          <TextField
            label={t('displayName')}
            value={draft.displayName}
            onChange={(displayName) => setDraft({ ...draft, displayName })}
            error={e.displayName}
          />
          <SelectField
            label={t('role')}
            value={draft.role}
            options={roles.map((r) => ({ value: r, label: t(`role${r}`) }))}
            onChange={(role) => setDraft({ ...draft, role: role as UserView['role'] })}
            error={e.role}
          />
          {draft.role !== 'admin' && (
            <SelectField
              label={t('agency')}
              value={draft.agencyId ?? ''}
              options={agencies.map((a) => ({ value: a.id, label: a.name }))}
              onChange={(agencyId) => setDraft({ ...draft, agencyId })}
              error={e.agencyId}
            />
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('add')}
          </button>
        </div>
      </form>
      {deactivating && (
        <ConfirmDialog
          title={t('deactivateTitle', { name: deactivating.user.displayName })}
          body={t('deactivateBody', {
            name: deactivating.user.displayName,
            user: deactivating.user.username,
          })}
          confirm={t('deactivateConfirm')}
          cancel={deactivating.problem ? t('close') : t('cancel')}
          busy={busy}
          problem={deactivating.problem ?? null}
          onConfirm={() => void deactivate(deactivating.user)}
          onCancel={() => setDeactivating(null)}
        />
      )}
      {editing && (
        <UserEditForm
          key={editing.id}
          user={editing}
          token={token}
          language={props.language}
          building={building}
          isAdmin={isAdmin}
          isSelf={editing.id === me.id}
          onSaved={(saved) => {
            setEditing(null);
            setNotice({ text: t('updated', { name: saved.displayName }), kind: 'ok' });
            void load();
          }}
          onCancel={() => setEditing(null)}
          onUnauthorized={props.onUnauthorized}
        />
      )}
      <UserTable
        users={users}
        me={me.id}
        manages={(u) => isAdmin || u.role === 'officer'}
        building={building}
        language={props.language}
        t={t}
        onEdit={(u) => {
          setNotice(null);
          setEditing(u);
        }}
        onUnlock={(u) => void unlock(u)}
        onResetPassword={(u) => void resetPassword(u)}
        onDeactivate={(u) => setDeactivating({ user: u })}
      />
    </>
  );
}
