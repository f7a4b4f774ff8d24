import type { Language } from '@antre/ui';
import type { AgencyBadge } from '../agency-badges';
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
  badges: Map<string, AgencyBadge>;
  last: LastTicket | null;
  hub: KioskHub;
  onChoose: (agencyId: string) => void;
  onSurvey: () => void;
  /** Null when no service here takes online bookings. */
  onCheckIn: (() => void) | null;
}

export function AgencyScreen(props: Props) {
  const { t, language, agencies, badges, last, hub, onChoose, onSurvey, onCheckIn } = props;
  return (
    <section className="screen">
      <div className="agency-head">
        <h1 className="screen-title">{t('chooseAgency')}</h1>
        <SurveyEntry language={language} onOpen={onSurvey} />
      </div>
      {onCheckIn ? (
        <button type="button" className="booked-online" onClick={onCheckIn}>
          <span className="booked-online-title">{t('bookedOnline')}</span>
          <span className="booked-online-note">{t('bookedOnlineNote')}</span>
        </button>
      ) : null}
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
              <AgencyTile badge={badges.get(agency.id)} logoUrl={agency.logoUrl} />
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
