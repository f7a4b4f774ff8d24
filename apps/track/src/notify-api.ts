import type { OptInView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { hubRequest } from '@antre/ui';

const notifyPath = (code: string) => `/api/tickets/${encodeURIComponent(code)}/notify`;

/** The public opt-in endpoints; the ticket code is the only credential. */
export const notifyApi = {
  pushKey: () => hubRequest<{ publicKey: string | null }>('/api/notify/push-key'),
  optIns: (code: string) => hubRequest<OptInView[]>(notifyPath(code)),
  // `consent` is sent as ticked: the hub refuses a number given without it, and says so.
  byPhone: (code: string, phone: string, consent: boolean, language: Language) =>
    hubRequest<OptInView>(notifyPath(code), {
      json: { medium: 'phone', phone, consent, language },
    }),
  byPush: (code: string, subscription: PushSubscriptionJSON, language: Language) =>
    hubRequest<OptInView>(notifyPath(code), { json: { medium: 'push', subscription, language } }),
  stop: (code: string) => hubRequest<{ removed: number }>(notifyPath(code), { method: 'DELETE' }),
};
