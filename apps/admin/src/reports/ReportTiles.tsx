import type { ReportRow } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { formatShare } from '../components/format-report';
import { minuteTriple } from './ReportTable';
import { Tile } from '../components/Tile';
import type { Translate } from '../messages';

/** Tickets that have no outcome yet: still waiting, called or being served today. */
export const unfinishedOf = (r: ReportRow): number =>
  Math.max(0, r.issued - r.served - r.noShow - r.cancelled - r.expired);

/** The period's totals: how the issued tickets ended, then the period-wide times. */
export function ReportTiles(props: { t: Translate; language: Language; totals: ReportRow }) {
  const { t, language, totals } = props;
  return (
    <>
      <div className="tiles count-tiles">
        <Tile label={t('issued')} value={totals.issued} id="total-issued" />
        <Tile label={t('served')} value={totals.served} id="total-served" />
        <Tile label={t('noShow')} value={totals.noShow} id="total-no-show" />
        <Tile label={t('cancelled')} value={totals.cancelled} id="total-cancelled" />
        <Tile label={t('expired')} value={totals.expired} id="total-expired" />
        <Tile label={t('transferred')} value={totals.transferred} id="total-transferred" />
        <Tile label={t('voided')} value={totals.voided} id="total-voided" />
      </div>
      <p className="muted report-note" data-testid="tally-rule">
        {t('tallyRule', {
          issued: totals.issued,
          served: totals.served,
          noShow: totals.noShow,
          cancelled: totals.cancelled,
          expired: totals.expired,
          unfinished: unfinishedOf(totals),
        })}
      </p>
      <div className="tiles">
        <Tile
          label={t('waitTime')}
          value={minuteTriple(totals, 'wait', language)}
          note={t('minuteParts')}
          id="total-wait"
        />
        <Tile
          label={t('serviceTime')}
          value={minuteTriple(totals, 'service', language)}
          note={t('minuteParts')}
          id="total-service"
        />
        <Tile
          label={t('withinTarget')}
          value={formatShare(totals.withinTarget, language)}
          id="total-within-target"
        />
      </div>
    </>
  );
}
