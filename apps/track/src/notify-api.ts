import type { ApiBody } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { callHub } from '@antre/ui';

type OptIn = ApiBody<'POST /api/tickets/:code/notify'>;
const ticket = (code: string) => ({ params: { code } });

/** The public opt-in endpoints; the ticket code is the only credential. */
export const notifyApi = {
  pushKey: () => callHub('GET /api/notify/push-key'),
  optIns: (code: string) => callHub('GET /api/tickets/:code/notify', ticket(code)),
  // `consent` is sent as ticked: the hub refuses a number given without it, and says so.
  byPhone: (code: string, phone: string, consent: boolean, language: Language) =>
    callHub('POST /api/tickets/:code/notify', {
      ...ticket(code),
      body: { medium: 'phone', phone, consent: consent as true, language },
    }),
  // The browser's subscription as it gave it; the hub checks its keys.
  byPush: (code: string, subscription: PushSubscriptionJSON, language: Language) =>
    callHub('POST /api/tickets/:code/notify', {
      ...ticket(code),
      body: { medium: 'push', subscription, language } as OptIn,
    }),
  stop: (code: string) => callHub('DELETE /api/tickets/:code/notify', ticket(code)),
};
