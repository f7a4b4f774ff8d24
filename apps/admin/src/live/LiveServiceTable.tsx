import type { LiveReport } from '@antre/protocol';
import type { ReactNode } from 'react';
import type { Language } from '@antre/ui';
import { useState } from 'react';
import { formatMinutes } from '../components/format-report';
import type { Translate } from '../messages';

type LiveService = LiveReport['services'][number];

const isActive = (s: LiveService) => s.waiting > 0 || s.servedToday > 0 || s.countersOpen > 0;

/**
 * Today per service, the ones with people waiting first. A building has ~40 services, most
 * quiet on a given morning: those stay behind a toggle.
 */
export function LiveServiceTable(props: {
  t: Translate;
  language: Language;
  services: LiveService[];
  agencyName: (agencyId: string) => string;
  /** The table's export buttons. */
  actions?: ReactNode;
}) {
  const { t, language } = props;
  const [showIdle, setShowIdle] = useState(false);
  const active = props.services
    .filter(isActive)
    .sort((a, b) => b.waiting - a.waiting || b.servedToday - a.servedToday);
  const idle = props.services.filter((s) => !isActive(s));
  const shown = showIdle ? [...active, ...idle] : active;
  return (
    <section className="report-block">
      <header className="block-head">
        <h2>{t('servicesNowTitle')}</h2>
        {props.actions}
      </header>
      {shown.length === 0 ? (
        <p className="muted">{t('noActiveServices')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="live-services">
            <thead>
              <tr>
                <th>{t('service')}</th>
                <th>{t('agency')}</th>
                <th className="num">{t('waiting')}</th>
                <th className="num">{t('longestWait')}</th>
                <th className="num">{t('served')}</th>
                <th className="num">{t('countersOpen')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.serviceId} className={s.waiting > 0 ? 'busy' : undefined}>
                  <td>{s.name}</td>
                  <td>{props.agencyName(s.agencyId)}</td>
                  <td className="num">{s.waiting}</td>
                  <td className="num">{formatMinutes(s.longestWaitMinutes, t, language)}</td>
                  <td className="num">{s.servedToday}</td>
                  <td className="num">{s.countersOpen}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {idle.length > 0 && (
        <button
          type="button"
          className="link"
          data-testid="toggle-idle-services"
          onClick={() => setShowIdle(!showIdle)}
        >
          {showIdle ? t('hideIdle') : t('showIdle', { n: idle.length })}
        </button>
      )}
    </section>
  );
}
