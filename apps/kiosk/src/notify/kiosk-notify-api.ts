import type { OptInView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { hubRequest } from '@antre/ui';

/**
 * The visitor's opt-in from the kiosk: the same public endpoint as the tracking page, with the
 * code of the ticket just printed. `consent` is sent as toggled: the hub refuses without it.
 */
export const optInByPhone = (code: string, phone: string, consent: boolean, language: Language) =>
  hubRequest<OptInView>(`/api/tickets/${encodeURIComponent(code)}/notify`, {
    json: { medium: 'phone', phone, consent, language },
  });
