import type { UserView } from '@antre/protocol';
import { fieldErrors } from '@antre/ui';
import { useEffect, useState } from 'react';
import type { NewUser, Refusal } from '../config-api';
import { configApi } from '../config-api';
import { conflictText, refusalNotice } from '../conflict-messages';
import type { PageProps } from '../page-props';
import { useFreshBuilding } from '../use-fresh-building';

/** The people page's state: the list, the new person's draft, and what can be done to one. */
export function useUsersPage(props: PageProps) {
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
        text: refusalNotice(answer, props.language),
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
  function edit(user: UserView): void {
    setNotice(null);
    setEditing(user);
  }
  function edited(saved: UserView): void {
    setEditing(null);
    setNotice({ text: t('updated', { name: saved.displayName }), kind: 'ok' });
    void load();
  }

  return {
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
    errors: fieldErrors(refusal),
    add,
    deactivate,
    resetPassword,
    unlock,
    edit,
    edited,
  };
}
