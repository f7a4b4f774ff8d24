import type { Building } from '@antre/domain';
import type {
  DeviceAlert,
  Feedback,
  IkmExportTable,
  IkmReport,
  LiveReport,
  LoginResponse,
  SummaryReport,
} from '@antre/protocol';
import type { Language } from '@antre/ui';
import { hubRequest } from '@antre/ui';

// The hub serves this app, so the hub is where the page came from.
export const HUB_URL = window.location.origin;

export type Session = Pick<LoginResponse, 'token' | 'user'>;

const SESSION_KEY = 'antre.admin.session';
const LANGUAGE_KEY = 'antre.admin.language';

function read<T>(store: Storage, key: string): T | null {
  try {
    const raw = store.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** The sign-in lives for the browser tab; the language belongs to the device. */
export const storage = {
  session: (): Session | null => read<Session>(sessionStorage, SESSION_KEY),
  saveSession: (s: Session | null): void =>
    s
      ? sessionStorage.setItem(SESSION_KEY, JSON.stringify(s))
      : sessionStorage.removeItem(SESSION_KEY),
  language: (): Language => (read<Language>(localStorage, LANGUAGE_KEY) === 'en' ? 'en' : 'id'),
  saveLanguage: (l: Language): void => localStorage.setItem(LANGUAGE_KEY, JSON.stringify(l)),
};

/** A report period, as the hub's report queries take it. */
export interface Period {
  from: string;
  to: string;
  agencyId?: string;
}

const query = (p: Period, extra: Record<string, string> = {}): string =>
  new URLSearchParams({
    from: p.from,
    to: p.to,
    ...(p.agencyId ? { agencyId: p.agencyId } : {}),
    ...extra,
  }).toString();

export type ExportTable =
  'agencies' | 'services' | 'counters' | 'officers' | 'heatmap' | 'notifications';

export const hubApi = {
  login: (username: string, password: string) =>
    hubRequest<LoginResponse>('/api/auth/login', { json: { username, password } }),
  logout: (token: string) =>
    hubRequest<{ ok: true }>('/api/auth/logout', { method: 'POST', token }),
  health: () => hubRequest<{ serviceDay: string }>('/api/health'),
  building: (token: string) => hubRequest<Building>('/api/building', { token }),
  live: (token: string) => hubRequest<LiveReport>('/api/reports/live', { token }),
  alerts: (token: string) =>
    hubRequest<{ alerts: DeviceAlert[] }>('/api/devices/alerts', { token }),
  summary: (token: string, p: Period) =>
    hubRequest<SummaryReport>(`/api/reports/summary?${query(p)}`, { token }),
  ikm: (token: string, p: Period) =>
    hubRequest<IkmReport>(`/api/reports/ikm?${query(p)}`, { token }),
  feedback: (token: string) => hubRequest<Feedback[]>('/api/feedback', { token }),
  /** A file download needs the Bearer token, which a plain link cannot send. */
  async download(
    token: string,
    p: Period,
    table: ExportTable | IkmExportTable,
    format: 'xlsx' | 'csv',
    report: 'summary' | 'ikm' = 'summary',
  ) {
    const path = report === 'ikm' ? '/api/reports/ikm/export' : '/api/reports/export';
    try {
      const response = await fetch(`${HUB_URL}${path}?${query(p, { table, format })}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok) return false;
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `antre-${report === 'ikm' ? 'skm-' : ''}${table}-${p.from}_${p.to}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return true;
    } catch {
      return false;
    }
  },
};
