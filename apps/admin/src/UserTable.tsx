import type { Building } from '@antre/domain';
import type { UserView } from '@antre/protocol';
import type { ConfigT } from './config-messages';

/** Everyone the signed-in person may manage, with reset and deactivate for the others. */
export function UserTable(props: {
  users: UserView[] | null;
  /** The signed-in person, who may not deactivate themselves. */
  me: string;
  building: Building;
  t: ConfigT;
  onResetPassword: (user: UserView) => void;
  onDeactivate: (user: UserView) => void;
}) {
  const { users, t } = props;
  const agencyName = (id: string | null) =>
    id ? (props.building.agencies.find((a) => a.id === id)?.shortName ?? id) : '—';
  return (
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
                {u.active && u.id !== props.me && (
                  <>
                    <button
                      type="button"
                      className="link"
                      onClick={() => props.onResetPassword(u)}
                      aria-label={`${t('resetPassword')} ${u.username}`}
                    >
                      {t('resetPassword')}
                    </button>
                    <button
                      type="button"
                      className="link danger"
                      onClick={() => props.onDeactivate(u)}
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
  );
}
