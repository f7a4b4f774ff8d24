import type { Language } from '@antre/ui';
import { callHub } from '@antre/ui';
import { deviceToken } from '../device-token';

/**
 * The visitor's opt-in from the kiosk: the same public endpoint as the tracking page, with the
 * code of the ticket just printed. `consent` is sent as toggled: the hub refuses without it.
 * The device token makes the hub count the kiosk's requests as its own, not its address's.
 */
export const optInByPhone = (code: string, phone: string, consent: boolean, language: Language) =>
  callHub('POST /api/tickets/:code/notify', {
    token: deviceToken(),
    params: { code },
    body: { medium: 'phone', phone, consent: consent as true, language },
  });
