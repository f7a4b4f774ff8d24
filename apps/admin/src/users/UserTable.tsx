import type { Building } from '@antre/domain';
import type { UserView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { formatTime } from '@antre/ui';
import type { Translate } from '../messages';

/** Everyone the signed-in person may manage, with edit, unlock, reset and deactivate. */
export function UserTable(props: {
  users: UserView[] | null;
  /** The signed-in person, who may not deactivate themselves. */
  me: string;
  /** Whom the signed-in person may change: a supervisor only their officers. */
  manages: (user: UserView) => boolean;
  building: Building;
  language: Language;
  t: Translate;
  onEdit: (user: UserView) => void;
  onUnlock: (user: UserView) => void;
  onResetPassword: (user: UserView) => void;
  onDeactivate: (user: UserView) => void;
}) {
  const { users, t } = props;
  const agencyName = (id: string | null) =>
    id ? (props.building.agencies.find((a) => a.id === id)?.shortName ?? id) : '—';
  const lockTime = (at: number) => formatTime(at, props.building.site.timezone, props.language);
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
              <td>
                {!u.active ? (
                  t('inactive')
                ) : u.lockedUntil !== null ? (
                  <>
                    <span className="locked" title={t('lockedHint')}>
                      {t('lockedUntil', { time: lockTime(u.lockedUntil) })}
                    </span>
                    {props.manages(u) && (
                      <button
                        type="button"
                        className="link unlock"
                        onClick={() => props.onUnlock(u)}
                        aria-label={`${t('unlock')} ${u.username}`}
                      >
                        {t('unlock')}
                      </button>
                    )}
                  </>
                ) : (
                  t('active')
                )}
              </td>
              <td>
                <div className="row-actions">
                  {u.active && props.manages(u) && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => props.onEdit(u)}
                      aria-label={`${t('edit')} ${u.username}`}
                    >
                      {t('edit')}
                    </button>
                  )}
                  {u.active && u.id !== props.me && props.manages(u) && (
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
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
