import type { OptInView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { hubRequest } from '@antre/ui';
import { deviceToken } from '../device-token';

/**
 * The visitor's opt-in from the kiosk: the same public endpoint as the tracking page, with the
 * code of the ticket just printed. `consent` is sent as toggled: the hub refuses without it.
 * The device token makes the hub count the kiosk's requests as its own, not its address's.
 */
export const optInByPhone = (code: string, phone: string, consent: boolean, language: Language) =>
  hubRequest<OptInView>(`/api/tickets/${encodeURIComponent(code)}/notify`, {
    token: deviceToken() ?? '',
    json: { medium: 'phone', phone, consent, language },
  });
