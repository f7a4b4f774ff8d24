import '../admin-config.css';
import './devices.css';
import { Notice, SelectField, TextField } from '../components/ConfigField';
import { ConfirmDialog } from '../components/ConfirmDialog';
import type { PageProps } from '../page-props';
import { blankDraft } from './device-draft';
import { DeviceEditPanel } from './DeviceEditPanel';
import { DevicePlaceFields } from './DevicePlaceFields';
import { DeviceTable, shortTime } from './DeviceTable';
import { MediaSection } from './MediaSection';
import { useDevicesPage } from './use-devices-page';

/** Pairing codes to approve, the devices (live status, edit, revoke) and the boards' media. */
export function DevicesPage(props: PageProps) {
  const { t } = props;
  const {
    building,
    token,
    live,
    pending,
    devices,
    alerts,
    code,
    setCode,
    draft,
    setDraft,
    editing,
    setEditing,
    notice,
    revoking,
    setRevoking,
    busy,
    errors: e,
    pick,
    edited,
    approve,
    reject,
    revoke,
  } = useDevicesPage(props);

  return (
    <>
      <div className="page-head">
        <h1>{t('devicesTitle')}</h1>
        <p className={live ? 'live-badge on' : 'live-badge'}>{live ? t('liveOn') : t('liveOff')}</p>
      </div>
      {notice && <Notice text={notice.text} kind={notice.kind} />}
      <section className="config-list" aria-label={t('pendingTitle')}>
        <h2>{t('pendingTitle')}</h2>
        {pending.length === 0 && <p className="muted">{t('noPending')}</p>}
        <ul data-testid="pending">
          {pending.map((p) => (
            <li key={p.pairingId}>
              <span>
                <strong className="code">{`${p.code.slice(0, 3)}-${p.code.slice(3)}`}</strong>{' '}
                {t(p.role)}
                {p.name ? ` · ${p.name}` : ''}{' '}
                <small className="muted">
                  {p.ip} · {t('requested')}{' '}
                  {shortTime(p.requestedAt, props.language, '', building.site.timezone)}
                </small>
              </span>
              <span className="row-actions">
                <button type="button" className="link" onClick={() => pick(p)}>
                  {t('approve')}
                </button>
                <button type="button" className="link danger" onClick={() => void reject(p.code)}>
                  {t('reject')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      </section>
      {editing && (
        <DeviceEditPanel
          key={editing.id}
          device={editing}
          building={building}
          token={token}
          t={t}
          language={props.language}
          onSaved={edited}
          onClose={() => setEditing(null)}
        />
      )}
      <DeviceTable
        devices={devices}
        alerts={alerts}
        building={building}
        language={props.language}
        t={t}
        onEdit={(d) => setEditing(d)}
        onRevoke={(d) => setRevoking({ device: d })}
      />
      {revoking && (
        <ConfirmDialog
          title={t('revokeTitle', { name: revoking.device.name })}
          body={t('revokeBody')}
          confirm={t('revokeConfirm')}
          cancel={t('close')}
          busy={busy}
          problem={revoking.problem ?? null}
          onConfirm={() => void revoke(revoking.device)}
          onCancel={() => setRevoking(null)}
        />
      )}
      <form
        className="config-form"
        aria-label={t('approveTitle')}
        onSubmit={(ev) => {
          ev.preventDefault();
          void approve();
        }}
      >
        <h2>{t('approveTitle')}</h2>
        <div className="form-grid">
          <TextField label={t('pairCode')} value={code} onChange={setCode} error={e.code} />
          <TextField
            label={t('name')}
            value={draft.name}
            onChange={(name) => setDraft({ ...draft, name })}
            error={e.name}
          />
          <SelectField
            label={t('role')}
            value={draft.role}
            options={[
              { value: 'kiosk', label: t('kiosk') },
              { value: 'display', label: t('display') },
            ]}
            onChange={(role) =>
              setDraft({
                ...blankDraft(role === 'display' ? 'display' : 'kiosk'),
                name: draft.name,
              })
            }
            error={e.role}
          />
          <DevicePlaceFields
            draft={draft}
            onChange={setDraft}
            errors={e}
            building={building}
            t={t}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('approve')}
          </button>
        </div>
      </form>
      <MediaSection token={token} t={t} language={props.language} />
    </>
  );
}
