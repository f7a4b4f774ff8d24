import type { Catalogue } from '@antre/protocol';
import type { Language } from '@antre/ui';
import type { AgencyBadge } from '../agency-badges';
import type { MessageKey } from '../messages';
import { openingText } from '../opening-text';
import { AgencyTile } from './AgencyTile';

interface Props {
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  language: Language;
  catalogue: Catalogue;
  badges: Map<string, AgencyBadge>;
  onRead: (agencyId: string, serviceId: string) => void;
}

/**
 * Outside the building's hours the whole screen says when numbers can be taken again, for
 * the building and for each service; the standards stay one tap away.
 */
export function AfterHoursScreen({ t, language, catalogue, badges, onRead }: Props) {
  const { site } = catalogue;
  const when = (opening: Catalogue['site']['opensNext']) =>
    openingText(t, language, opening, site.serviceDay, site.timezone);
  return (
    <section className="screen after-hours" data-testid="after-hours">
      <div className="after-hours-head" role="status">
        <h1 className="screen-title">{t('afterHoursTitle')}</h1>
        <p className="after-hours-when">
          {t('afterHoursBuilding', { site: site.name, when: when(site.opensNext) })}
        </p>
        <p className="lead">{t('afterHoursLead')}</p>
      </div>
      <div className="after-hours-list">
        {catalogue.agencies.map((agency) => (
          <section key={agency.id} className="after-hours-agency">
            <h2 className="after-hours-agency-name">
              <AgencyTile badge={badges.get(agency.id)} logoUrl={agency.logoUrl} />
              <span>{agency.shortName}</span>
            </h2>
            {agency.services.map((service) => (
              <button
                key={service.id}
                type="button"
                className="after-hours-service"
                onClick={() => onRead(agency.id, service.id)}
              >
                <span className="service-name">{service.name}</span>
                <span className="after-hours-opens">
                  {t('opensAgain', { when: when(service.opensNext) })}
                </span>
                <span className="after-hours-read">{t('standardTitle')} ›</span>
              </button>
            ))}
          </section>
        ))}
      </div>
    </section>
  );
}
