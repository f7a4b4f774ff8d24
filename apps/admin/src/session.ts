import type { IkmExportTable } from '@antre/protocol';
import type { StaffSession } from '@antre/ui';
import { callHub, staffStorage } from '@antre/ui';
import { downloadFile } from './file-download';

// The hub serves this app, so the hub is where the page came from.
export const HUB_URL = window.location.origin;

export type Session = StaffSession;

export const storage = staffStorage('admin');

/** A report period, as the hub's report queries take it. */
export interface Period {
  from: string;
  to: string;
  agencyId?: string;
}

const asked = (p: Period) => ({
  from: p.from,
  to: p.to,
  ...(p.agencyId ? { agencyId: p.agencyId } : {}),
});

export type ExportTable =
  'agencies' | 'services' | 'counters' | 'officers' | 'heatmap' | 'notifications';

export const hubApi = {
  login: (username: string, password: string) =>
    callHub('POST /api/auth/login', { body: { username, password } }),
  logout: (token: string) => callHub('POST /api/auth/logout', { token }),
  health: () => callHub('GET /api/health'),
  building: (token: string) => callHub('GET /api/building', { token }),
  live: (token: string) => callHub('GET /api/reports/live', { token }),
  alerts: (token: string) => callHub('GET /api/devices/alerts', { token }),
  summary: (token: string, p: Period) =>
    callHub('GET /api/reports/summary', { token, query: asked(p) }),
  ikm: (token: string, p: Period) => callHub('GET /api/reports/ikm', { token, query: asked(p) }),
  feedback: (token: string) => callHub('GET /api/feedback', { token }),
  /** A file download needs the Bearer token, which a plain link cannot send. */
  download(
    token: string,
    p: Period,
    table: ExportTable | IkmExportTable,
    format: 'xlsx' | 'csv',
    report: 'summary' | 'ikm' = 'summary',
  ) {
    const name = `antre-${report === 'ikm' ? 'skm-' : ''}${table}-${p.from}_${p.to}.${format}`;
    return report === 'ikm'
      ? downloadFile(name, 'GET /api/reports/ikm/export', {
          token,
          query: { ...asked(p), table: table as IkmExportTable, format },
        })
      : downloadFile(name, 'GET /api/reports/export', {
          token,
          query: { ...asked(p), table: table as ExportTable, format },
        });
  },
};
