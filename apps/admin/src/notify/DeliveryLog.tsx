import type { DeliveryView } from '@antre/protocol';
import { useEffect, useState } from 'react';
import { siteTime } from '../audit/audit-format';
import { refusalText } from '../conflict-messages';
import type { DeliveryStatus } from './notify-api';
import { notifyApi } from './notify-api';
import { codeName } from './notify-words';
import type { NotifySectionProps } from './notify-props';

const REFRESH_MS = 10_000;
const FILTERS: (DeliveryStatus | null)[] = [null, 'failed', 'pending', 'sent', 'skipped'];

/** What was sent, to whom (by kind, never a number), through which channel, and what failed. */
export function DeliveryLog(props: NotifySectionProps) {
  const { t, language } = props;
  const token = props.session.token;
  const tz = props.building.site.timezone;
  const [status, setStatus] = useState<DeliveryStatus | null>(null);
  const [rows, setRows] = useState<DeliveryView[] | null>(null);
  const [failed, setFailed] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  async function load(): Promise<void> {
    const [shown, failures] = await Promise.all([
      notifyApi.deliveries(token, status),
      notifyApi.deliveries(token, 'failed'),
    ]);
    if (!shown.ok) {
      if (shown.status === 401) return props.onUnauthorized();
      setProblem(t('notifyLoadFailed', { reason: refusalText(shown.error, language) }));
      return;
    }
    setProblem(null);
    setRows(shown.value);
    if (failures.ok) setFailed(failures.value.length);
  }
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [status, token]);

  return (
    <div className="delivery-log">
      <div className="log-head">
        <div className="segmented" role="group" aria-label={t('logFilter')}>
          {FILTERS.map((f) => (
            <button
              key={f ?? 'all'}
              type="button"
              aria-pressed={status === f}
              onClick={() => setStatus(f)}
            >
              {f ? t(`deliveryStatus.${f}`) : t('logAll')}
            </button>
          ))}
        </div>
        <button type="button" className="secondary" onClick={() => void load()}>
          {t('refresh')}
        </button>
      </div>
      {failed > 0 && status !== 'failed' && (
        <p className="failures" role="alert" data-testid="failures">
          {t('failuresSeen', { n: failed })}{' '}
          <button type="button" className="link" onClick={() => setStatus('failed')}>
            {t('showFailures')}
          </button>
        </p>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {rows !== null && rows.length === 0 && <p className="muted">{t('logEmpty')}</p>}
      {rows !== null && rows.length > 0 && (
        <div className="table-scroll">
          <table className="data deliveries" data-testid="deliveries">
            <thead>
              <tr>
                <th>{t('logTime')}</th>
                <th>{t('logMessage')}</th>
                <th>{t('logRecipient')}</th>
                <th>{t('logChannel')}</th>
                <th>{t('logStatus')}</th>
                <th className="num">{t('logAttempts')}</th>
                <th>{t('logError')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.seq} className={`delivery-${d.status}`}>
                  <td className="nowrap">{siteTime(d.createdAt, tz, language)}</td>
                  <td>{codeName(t, 'notifyMessage', d.message)}</td>
                  <td>{codeName(t, 'recipient', d.recipient)}</td>
                  <td>{d.channel ?? '—'}</td>
                  <td>
                    <span className={`delivery-status ${d.status}`}>
                      {t(`deliveryStatus.${d.status}`)}
                    </span>
                  </td>
                  <td className="num">{d.attempts}</td>
                  <td className="delivery-error">{d.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
