import type { TicketPreview, TicketTemplateView } from '@antre/protocol';
import type { Answer } from './config-api';
import { HUB_URL } from './session';

interface ErrorBody {
  error?: { code?: string; message?: string };
}

async function send<T>(token: string, path: string, method: string, body?: unknown) {
  try {
    const response = await fetch(`${HUB_URL}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as unknown;
    if (response.ok) return { ok: true, value: json as T } as Answer<T>;
    const error = (json as ErrorBody).error ?? {};
    const refusal = { status: response.status, fields: {} };
    return {
      ok: false,
      refusal: { ...refusal, code: error.code ?? 'internal', message: error.message ?? '' },
    } as Answer<T>;
  } catch {
    return {
      ok: false,
      refusal: { status: 0, code: 'offline', message: 'offline', fields: {} },
    } as Answer<T>;
  }
}

/** The ticket template endpoints (admin only). */
export const templateApi = {
  load: (t: string) => send<TicketTemplateView>(t, '/api/ticket-template', 'GET'),
  save: (t: string, template: string) =>
    send<TicketTemplateView>(t, '/api/ticket-template', 'PUT', { template }),
  preview: (t: string, template: string, paperWidth: 58 | 80) =>
    send<TicketPreview>(t, '/api/ticket-template/preview', 'POST', { template, paperWidth }),
};
