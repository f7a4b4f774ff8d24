import type {
  ApiError,
  RegionLive,
  RegionLoginResponse,
  RegionReports,
  Result,
} from '@antre/protocol';
import { readStored, writeStored } from '@antre/ui';

// The regional overview's server (apps/hub/src/region) answers REGION_ROUTES, not a building
// hub's API_ROUTES: its few calls are here, answered as Results like callHub's.

export type RegionSession = Pick<RegionLoginResponse, 'token' | 'user'>;
export interface RegionPeriod {
  from: string;
  to: string;
}

const SESSION_KEY = 'antre.region.session';
export const regionStorage = {
  session: (): RegionSession | null => readStored<RegionSession>(sessionStorage, SESSION_KEY),
  saveSession: (s: RegionSession | null): void => writeStored(sessionStorage, SESSION_KEY, s),
};

const OFFLINE = {
  ok: false,
  error: { code: 'offline', message: 'The server could not be reached' },
} as const;

async function send(
  path: string,
  init: { token?: string; body?: unknown; query?: Record<string, string> } = {},
): Promise<Response> {
  const query = init.query ? `?${new URLSearchParams(init.query).toString()}` : '';
  return fetch(`${path}${query}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function call<T>(path: string, init: Parameters<typeof send>[1]): Promise<Result<T>> {
  try {
    const response = await send(path, init);
    if (response.ok) return { ok: true, value: (await response.json()) as T };
    const body = (await response.json().catch(() => null)) as { error?: ApiError } | null;
    return {
      ok: false,
      error: body?.error ?? { code: 'internal', message: `HTTP ${response.status}` },
    };
  } catch {
    return OFFLINE;
  }
}

/** Whether the server that served this page is a regional overview (its health says so). */
export async function isRegionServer(): Promise<boolean> {
  try {
    const response = await fetch('/api/health');
    const body = (await response.json()) as { role?: string };
    return body.role === 'region';
  } catch {
    return false;
  }
}

export const regionApi = {
  login: (username: string, password: string) =>
    call<RegionLoginResponse>('/api/region/login', { body: { username, password } }),
  logout: (token: string) => call<{ ok: true }>('/api/region/logout', { token, body: {} }),
  live: (token: string) => call<RegionLive>('/api/region/live', { token }),
  reports: (token: string, p: RegionPeriod) =>
    call<RegionReports>('/api/region/reports', { token, query: { ...p } }),
  /** Both tables in one XLSX, or one table as CSV; saved as a file. */
  async download(
    token: string,
    p: RegionPeriod,
    format: 'xlsx' | 'csv',
    table?: 'live' | 'period',
  ): Promise<boolean> {
    try {
      const query = { ...p, format, ...(table ? { table } : {}) };
      const response = await send('/api/region/export', { token, query });
      if (!response.ok) return false;
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `antre-wilayah-${table ?? 'semua'}-${p.from}_${p.to}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return true;
    } catch {
      return false;
    }
  },
};
