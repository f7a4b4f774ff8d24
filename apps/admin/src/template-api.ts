import type { TicketPreview, TicketTemplateView } from '@antre/protocol';
import { send as request } from './hub-answer';

const send = <T>(token: string, path: string, method: string, json?: unknown) =>
  request<T>(token, path, { method, json });

/** The ticket template endpoints (admin only). */
export const templateApi = {
  load: (t: string) => send<TicketTemplateView>(t, '/api/ticket-template', 'GET'),
  save: (t: string, template: string) =>
    send<TicketTemplateView>(t, '/api/ticket-template', 'PUT', { template }),
  preview: (t: string, template: string, paperWidth: 58 | 80) =>
    send<TicketPreview>(t, '/api/ticket-template/preview', 'POST', { template, paperWidth }),
};
