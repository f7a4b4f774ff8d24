import '../admin-config.css';
import '../admin-site.css';
import type { UserView } from '@antre/protocol';
import { Notice, SelectField, TextField } from '../components/ConfigField';
import { ConfirmDialog } from '../components/ConfirmDialog';
import type { PageProps } from '../page-props';
import { useUsersPage } from './use-users-page';
import { UserEditForm } from './UserEditForm';
import { UserTable } from './UserTable';

/** People: an admin sees everyone, a supervisor their agency's and may add its officers. */
export function UsersPage(props: PageProps) {
  const { t } = props;
  const {
    building,
    token,
    me,
    isAdmin,
    users,
    draft,
    setDraft,
    notice,
    deactivating,
    setDeactivating,
    busy,
    editing,
    setEditing,
    agencies,
    roles,
    errors: e,
    add,
    deactivate,
    resetPassword,
    unlock,
    edit,
    edited,
  } = useUsersPage(props);

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
          onSaved={edited}
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
        onEdit={edit}
        onUnlock={(u) => void unlock(u)}
        onResetPassword={(u) => void resetPassword(u)}
        onDeactivate={(u) => setDeactivating({ user: u })}
      />
    </>
  );
}
