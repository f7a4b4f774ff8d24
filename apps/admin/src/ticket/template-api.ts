import { callHub } from '@antre/ui';

/** The ticket template endpoints (admin only). */
export const templateApi = {
  load: (t: string) => callHub('GET /api/ticket-template', { token: t }),
  save: (t: string, template: string) =>
    callHub('PUT /api/ticket-template', { token: t, body: { template } }),
  preview: (t: string, template: string, paperWidth: 58 | 80) =>
    callHub('POST /api/ticket-template/preview', { token: t, body: { template, paperWidth } }),
};
