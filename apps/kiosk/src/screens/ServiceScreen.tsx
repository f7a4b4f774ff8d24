import type { Language } from '@antre/ui';
import { formatWait } from '@antre/ui';
import type { AgencyBadge } from '../agency-badges';
import type { KioskAgency, KioskService } from '../kiosk-hub';
import type { MessageKey } from '../messages';
import { AgencyTile } from './AgencyTile';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

interface Props {
  t: T;
  language: Language;
  agency: KioskAgency | undefined;
  badge: AgencyBadge | undefined;
  notice: string | null;
  /** "Buka lagi Selasa, 24 November pukul 07.30 WIB" for a closed service, or null. */
  opensText: (service: KioskService) => string | null;
  onChoose: (serviceId: string) => void;
}

const CLOSED_REASONS: Record<string, MessageKey> = {
  inactive: 'closedInactive',
  holiday: 'closedHoliday',
  closed_today: 'closedToday',
  not_yet_open: 'closedNotYetOpen',
  closed_for_day: 'closedForDay',
  quota_reached: 'closedQuota',
};

function closedText(t: T, service: KioskService): string {
  const key = CLOSED_REASONS[service.closedReason ?? ''] ?? 'closed';
  return t(key, { detail: service.closedDetail ?? '' });
}

export function ServiceScreen(props: Props) {
  const { t, language, agency, badge, notice, opensText, onChoose } = props;
  if (!agency) return null;
  return (
    <section className="screen">
      <div className="screen-heading">
        <AgencyTile badge={badge} logoUrl={agency.logoUrl} />
        <div>
          <p className="screen-kicker">{agency.name}</p>
          <h1 className="screen-title">{t('chooseService')}</h1>
        </div>
      </div>
      {notice ? (
        <p className="notice" role="alert">
          {t('notIssued')}: {notice}
        </p>
      ) : null}
      <div className="service-list">
        {agency.services.map((service) => (
          <button
            key={service.id}
            type="button"
            className={`service-card${service.open ? '' : ' is-closed'}`}
            onClick={() => onChoose(service.id)}
          >
            <span className="service-name">{service.name}</span>
            {service.open ? (
              <span className="service-meta">
                <span>
                  {service.waiting > 0
                    ? t('waitingNow', { n: service.waiting })
                    : t('nobodyWaiting')}
                </span>
                <span>
                  {t('estimatedWait', { wait: formatWait(service.estimatedMinutes, language) })}
                </span>
                {service.onBreakUntil ? (
                  <span className="service-break">
                    {t('onBreakUntil', { time: service.onBreakUntil })}
                  </span>
                ) : null}
              </span>
            ) : (
              <span className="service-meta">
                <span className="pill pill-closed">{t('closed')}</span>
                <span className="service-closed-reason">{closedText(t, service)}</span>
                {opensText(service) ? <span>{opensText(service)}</span> : null}
                <span className="service-read">{t('standardTitle')}</span>
              </span>
            )}
            <span className="chevron" aria-hidden="true">
              ›
            </span>
          </button>
        ))}
      </div>
    </section>
  );
}
