import type { BuildingIndex } from '@antre/domain';
import type { SummaryReport } from '@antre/protocol';
import type { Sql } from '../db/sql';

type Channels = NonNullable<SummaryReport['channels']>;
type Online = NonNullable<SummaryReport['online']>;

// A ticket's channel as reports name it: a kiosk's visitor walked in; an api ticket came
// from an integration (a booking portal of an agency).
const CHANNEL_OF: Record<string, Channels[number]['channel']> = {
  kiosk: 'walk_in',
  online: 'online',
  staff: 'staff',
  api: 'integration',
};

interface ChannelRow {
  channel: string;
  service_id: string;
  issued: number;
  called: number;
  served: number;
  no_show: number;
  wait_sum_ms: number | null;
}

/**
 * Counts and mean waits per channel, and what became of the period's bookings. Read from the
 * tickets and bookings of the period with SQL sums (one row per channel and service), so a
 * long period stays quick without aggregates of its own.
 */
export function createChannelReport(sql: Sql) {
  // Conditions are counted with CASE: PostgreSQL does not sum booleans as SQLite does.
  const tickets = (from: string, to: string) =>
    sql.all<ChannelRow>(
      `SELECT channel, origin_service_id AS service_id, COUNT(*) AS issued,
         SUM(CASE WHEN called_at IS NOT NULL THEN 1 ELSE 0 END) AS called,
         SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END) AS served,
         SUM(CASE WHEN no_show_at IS NOT NULL OR status = 'no_show' THEN 1 ELSE 0 END) AS no_show,
         SUM(CASE WHEN called_at IS NOT NULL THEN called_at - issued_at END) AS wait_sum_ms
       FROM tickets WHERE service_day BETWEEN ? AND ? AND status != 'void'
       GROUP BY channel, origin_service_id`,
      [from, to],
    );
  const bookings = (from: string, to: string) =>
    sql.all<{ service_id: string; status: string; n: number }>(
      `SELECT service_id, status, COUNT(*) AS n FROM bookings WHERE date BETWEEN ? AND ?
       GROUP BY service_id, status`,
      [from, to],
    );

  return async (
    index: BuildingIndex,
    period: { from: string; to: string; agencyId: string | undefined },
  ): Promise<{ channels: Channels; online: Online }> => {
    const inScope = (serviceId: string) =>
      !period.agencyId || index.services.get(serviceId)?.agencyId === period.agencyId;
    const sums = new Map<string, ChannelRow>();
    for (const row of await tickets(period.from, period.to)) {
      if (!inScope(row.service_id)) continue;
      const channel = CHANNEL_OF[row.channel] ?? 'integration';
      const sum = sums.get(channel) ?? {
        ...row,
        channel,
        issued: 0,
        called: 0,
        served: 0,
        no_show: 0,
        wait_sum_ms: 0,
      };
      sum.issued += row.issued;
      sum.called += row.called;
      sum.served += row.served;
      sum.no_show += row.no_show;
      sum.wait_sum_ms = (sum.wait_sum_ms ?? 0) + (row.wait_sum_ms ?? 0);
      sums.set(channel, sum);
    }
    const channels = (['walk_in', 'online', 'staff', 'integration'] as const).map((channel) => {
      const s = sums.get(channel);
      return {
        channel,
        issued: s?.issued ?? 0,
        called: s?.called ?? 0,
        served: s?.served ?? 0,
        noShow: s?.no_show ?? 0,
        waitMean:
          s && s.called > 0
            ? Math.round(((s.wait_sum_ms ?? 0) / s.called / 60_000) * 10) / 10
            : null,
      };
    });
    const count = { booked: 0, checked_in: 0, no_show: 0, cancelled: 0 };
    for (const row of await bookings(period.from, period.to))
      if (inScope(row.service_id) && row.status in count)
        count[row.status as keyof typeof count] += row.n;
    const due = count.checked_in + count.no_show;
    return {
      channels,
      online: {
        booked: count.booked,
        checkedIn: count.checked_in,
        noShow: count.no_show,
        cancelled: count.cancelled,
        noShowRate: due === 0 ? null : Math.round((count.no_show / due) * 1000) / 1000,
      },
    };
  };
}

export type ChannelReport = ReturnType<typeof createChannelReport>;

const CHANNEL_NAMES: Record<Channels[number]['channel'], string> = {
  walk_in: 'Datang langsung (kios)',
  online: 'Antrean online',
  staff: 'Petugas',
  integration: 'Integrasi',
};

/** The channel table for XLSX/CSV, with the online no-show rate as its last row. */
export function channelCells(report: SummaryReport): (string | number | null)[][] {
  const online = report.online;
  return [
    ['Kanal', 'Tiket terbit', 'Dipanggil', 'Dilayani', 'Tidak hadir', 'Tunggu rata-rata (menit)'],
    ...(report.channels ?? []).map((c) => [
      CHANNEL_NAMES[c.channel],
      c.issued,
      c.called,
      c.served,
      c.noShow,
      c.waitMean,
    ]),
    [
      'Booking online tidak hadir (%)',
      online?.noShowRate === null || online === undefined
        ? null
        : Math.round(online.noShowRate * 1000) / 10,
      null,
      null,
      online?.noShow ?? null,
      null,
    ],
  ];
}
