import type { Language } from '@antre/ui';
import type { KioskAgency, KioskHub } from '../kiosk-hub';
import type { MessageKey } from '../messages';
import type { LastTicket } from '../print-flow';
import { ReprintButton } from '../ReprintButton';
import { SurveyEntry } from '../survey/SurveyEntry';
import { AgencyTile } from './AgencyTile';

interface Props {
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  language: Language;
  agencies: KioskAgency[];
  last: LastTicket | null;
  hub: KioskHub;
  onChoose: (agencyId: string) => void;
  onSurvey: () => void;
}

export function AgencyScreen({ t, language, agencies, last, hub, onChoose, onSurvey }: Props) {
  return (
    <section className="screen">
      <div className="agency-head">
        <h1 className="screen-title">{t('chooseAgency')}</h1>
        <SurveyEntry language={language} onOpen={onSurvey} />
      </div>
      {agencies.length === 0 ? <p className="lead">{t('noServices')}</p> : null}
      <div className="agency-grid">
        {agencies.map((agency) => {
          const open = agency.services.some((s) => s.open);
          const waiting = agency.services.reduce((sum, s) => sum + s.waiting, 0);
          return (
            <button
              key={agency.id}
              type="button"
              className={`agency-card${open ? '' : ' is-closed'}`}
              onClick={() => onChoose(agency.id)}
            >
              <AgencyTile id={agency.id} shortName={agency.shortName} logoUrl={agency.logoUrl} />
              <span className="agency-text">
                <span className="agency-short">{agency.shortName}</span>
                <span className="agency-name">{agency.name}</span>
                <span className="agency-meta">
                  <span className={`pill ${open ? 'pill-open' : 'pill-closed'}`}>
                    {open ? t('open') : t('closed')}
                  </span>
                  <span className="agency-waiting">
                    {waiting > 0 ? t('waitingNow', { n: waiting }) : t('nobodyWaiting')}
                  </span>
                </span>
              </span>
            </button>
          );
        })}
      </div>
      {last ? <ReprintButton t={t} hub={hub} last={last} named /> : null}
    </section>
  );
}
