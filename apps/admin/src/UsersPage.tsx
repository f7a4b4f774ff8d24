import './admin-config.css';
import type { UserView } from '@antre/protocol';
import { useEffect, useState } from 'react';
import type { NewUser, Refusal } from './config-api';
import { configApi } from './config-api';
import { configT } from './config-messages';
import { conflictText } from './conflict-messages';
import { Notice, SelectField, TextField } from './ConfigField';
import type { PageProps } from './page-props';
import { useFreshBuilding } from './use-fresh-building';

/** People: an admin sees everyone, a supervisor their agency's and may add its officers. */
export function UsersPage(props: PageProps) {
  const t = configT(props.language);
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

  const load = async () => {
    const answer = await configApi.users(token);
    if (answer.ok) setUsers(answer.value.users);
    else if (answer.refusal.status === 401) props.onUnauthorized();
  };
  useEffect(() => void load(), []);

  const agencies = building.agencies.filter((a) => isAdmin || a.id === me.agencyId);
  const agencyName = (id: string | null) =>
    id ? (building.agencies.find((a) => a.id === id)?.shortName ?? id) : '—';
  const roles: UserView['role'][] = isAdmin ? ['officer', 'supervisor', 'admin'] : ['officer'];

  async function add(): Promise<void> {
    const body = { ...draft, agencyId: draft.role === 'admin' ? null : draft.agencyId };
    const answer = await configApi.addUser(token, body);
    if (!answer.ok) {
      setRefusal(answer.refusal);
      setNotice({
        text:
          answer.refusal.status === 400
            ? t('fixFields')
            : t('refused', { reason: conflictText(answer.refusal, props.language) }),
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
  async function act(user: UserView, what: 'deactivate' | 'reset'): Promise<void> {
    if (what === 'deactivate') {
      if (!window.confirm(t('confirmDeactivate', { user: user.username }))) return;
      const answer = await configApi.deactivate(token, user.id);
      if (!answer.ok)
        setNotice({
          text: t('refused', { reason: conflictText(answer.refusal, props.language) }),
          kind: 'bad',
        });
    } else {
      const answer = await configApi.resetPassword(token, user.id);
      setNotice(
        answer.ok
          ? {
              text: t('newPassword', { user: user.username, password: answer.value.password }),
              kind: 'ok',
            }
          : { text: t('refused', { reason: answer.refusal.message }), kind: 'bad' },
      );
    }
    await load();
  }
  const e = refusal?.fields ?? {};

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
      <div className="table-scroll">
        <table className="data" data-testid="users">
          <thead>
            <tr>
              <th>{t('displayName')}</th>
              <th>{t('username')}</th>
              <th>{t('role')}</th>
              <th>{t('agency')}</th>
              <th>{t('status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users === null && (
              <tr>
                <td colSpan={6}>{t('loading')}</td>
              </tr>
            )}
            {users?.map((u) => (
              <tr key={u.id} className={u.active ? '' : 'inactive'}>
                <td>{u.displayName}</td>
                <td>{u.username}</td>
                <td>{t(`role${u.role}`)}</td>
                <td>{agencyName(u.agencyId)}</td>
                <td>{u.active ? t('active') : t('inactive')}</td>
                <td className="row-actions">
                  {u.active && u.id !== me.id && (
                    <>
                      <button
                        type="button"
                        className="link"
                        onClick={() => void act(u, 'reset')}
                        aria-label={`${t('resetPassword')} ${u.username}`}
                      >
                        {t('resetPassword')}
                      </button>
                      <button
                        type="button"
                        className="link danger"
                        onClick={() => void act(u, 'deactivate')}
                        aria-label={`${t('deactivate')} ${u.username}`}
                      >
                        {t('deactivate')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
