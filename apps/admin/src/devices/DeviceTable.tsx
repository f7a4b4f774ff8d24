import type { Building } from '@antre/domain';
import type { DeviceAlert, DeviceSummary } from '@antre/protocol';
import { hasPrinter } from './device-draft';
import type { MessageKey, Translate } from '../messages';

const TIME_ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;

/** A moment in the building's own time zone, e.g. 23/11/26 09.00. */
export const shortTime = (
  at: number | null,
  language: string,
  never: string,
  zone: keyof typeof TIME_ZONES = 'WIB',
) =>
  at === null
    ? never
    : new Date(at).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', {
        dateStyle: 'short',
        timeStyle: 'short',
        timeZone: TIME_ZONES[zone],
      });

/** Where a device works, in words: its zones (a board) or agencies (a kiosk). */
function placeText(d: DeviceSummary, building: Building, t: Translate): string {
  if (d.role === 'display') {
    const names = d.zoneIds.map((id) => building.zones.find((z) => z.id === id)?.name ?? id);
    return names.length > 0 ? names.join(', ') : t('noZone');
  }
  if (d.role === 'kiosk') {
    const names = d.agencyIds.map(
      (id) => building.agencies.find((a) => a.id === id)?.shortName ?? id,
    );
    return names.length > 0 ? names.join(', ') : t('allAgencies');
  }
  return '';
}

/** Every paired device: online or not, last seen, its printer's trouble in plain words. */
export function DeviceTable(props: {
  devices: DeviceSummary[];
  alerts: Map<string, DeviceAlert>;
  building: Building;
  language: string;
  t: Translate;
  onEdit: (device: DeviceSummary) => void;
  onRevoke: (device: DeviceSummary) => void;
}) {
  const { t, language } = props;
  const zone = props.building.site.timezone;
  const printer = (d: DeviceSummary) => {
    if (d.role !== 'kiosk' || d.revokedAt)
      return <span className="muted">{t('printerUnknown')}</span>;
    // "Not set up" is history once the admin sets a printer, even before the kiosk asks again.
    const open = props.alerts.get(d.id);
    const alert = open?.state === 'no_printer' && hasPrinter(d.settings) ? undefined : open;
    if (alert)
      return (
        <span className="state alert" data-testid={`alert-${d.id}`}>
          {t(`alert_${alert.state}` as MessageKey)}{' '}
          <small>{t('alertSince', { time: shortTime(alert.raisedAt, language, '', zone) })}</small>
        </span>
      );
    // Known before the kiosk ever asks: with no printer set it cannot print at all.
    if (!hasPrinter(d.settings))
      return (
        <span className="state alert" data-testid={`alert-${d.id}`}>
          {t('alert_no_printer')}
        </span>
      );
    return d.online ? (
      <span className="state on">{t('printerOk')}</span>
    ) : (
      <span className="muted">{t('printerUnknown')}</span>
    );
  };
  return (
    <div className="table-scroll">
      <table className="data devices-table" data-testid="devices">
        <thead>
          <tr>
            <th>{t('name')}</th>
            <th>{t('role')}</th>
            <th>{t('place')}</th>
            <th>{t('status')}</th>
            <th>{t('printer')}</th>
            <th>{t('lastSeen')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.devices.map((d) => (
            <tr key={d.id} className={d.revokedAt ? 'inactive' : undefined}>
              <td>{d.name}</td>
              <td>{t(d.role)}</td>
              <td>{placeText(d, props.building, t)}</td>
              <td>
                <span
                  className={d.revokedAt ? 'state revoked' : d.online ? 'state on' : 'state off'}
                >
                  {d.revokedAt ? t('revoked') : d.online ? t('online') : t('offline')}
                </span>
              </td>
              <td>{printer(d)}</td>
              <td>{shortTime(d.lastSeenAt, language, t('never'), zone)}</td>
              <td className="row-actions">
                {!d.revokedAt && (
                  <>
                    <button
                      type="button"
                      className="link"
                      aria-label={`${t('edit')} ${d.name}`}
                      onClick={() => props.onEdit(d)}
                    >
                      {t('edit')}
                    </button>
                    <button
                      type="button"
                      className="link danger"
                      aria-label={`${t('revoke')} ${d.name}`}
                      onClick={() => props.onRevoke(d)}
                    >
                      {t('revoke')}
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
