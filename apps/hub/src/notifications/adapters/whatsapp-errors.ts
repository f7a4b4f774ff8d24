import type { SendOutcome } from '../channel';

// Cloud API errors come as { error: { message, type, code, error_data, fbtrace_id } }; Meta
// asks apps to decide on `code`, not on the HTTP status or the message's wording.

/** Codes after which sending again cannot help, in plain words for the admin. */
const FINAL: Record<number, string> = {
  0: 'the access token was not accepted',
  3: 'the app lacks the WhatsApp messaging permission',
  10: 'permission for this phone number is missing',
  100: 'WhatsApp refused a parameter of the request',
  190: 'the access token is invalid or expired',
  131008: 'a template parameter is missing',
  131009: 'a template parameter is not valid',
  131026: 'the number cannot receive WhatsApp messages',
  131031: 'the WhatsApp business account is locked',
  131051: 'this message type is not supported',
  132000: 'the number of parameters does not match the template',
  132001: 'the template does not exist in this language',
  132005: 'the filled-in template is too long',
  132007: 'the template breaks a WhatsApp policy',
  132012: 'a parameter does not match the template',
  132015: 'the template is paused',
  132016: 'the template is disabled',
  133010: 'the business phone number is not registered',
};

/** Codes that mean "not now": rate limits and passing faults at Meta. */
const LATER: Record<number, string> = {
  1: 'WhatsApp had an unknown fault',
  2: 'WhatsApp is temporarily unavailable',
  4: 'the app reached its API call limit',
  80007: 'the business account reached its rate limit',
  130429: 'the message throughput limit was reached',
  131000: 'WhatsApp had a fault sending it',
  131016: 'WhatsApp is temporarily unavailable',
  131048: 'the spam rate limit was reached for this number',
  131049: 'Meta chose not to deliver it now',
  131056: 'too many messages to this number in a short time',
};

/** An error answer to a send: tried again only when the code or the status says it may pass. */
export function whatsAppErrorOutcome(
  status: number,
  code: number | undefined,
  said: string,
  statusWorthRetrying: boolean,
): SendOutcome {
  if (code !== undefined && FINAL[code])
    return { ok: false, retry: false, reason: `${FINAL[code]} (${code})` };
  if (code !== undefined && LATER[code])
    return { ok: false, retry: true, reason: `${LATER[code]} (${code})` };
  const which = code !== undefined ? ` (error ${code})` : '';
  return {
    ok: false,
    retry: statusWorthRetrying,
    reason: `WhatsApp answered ${status}${which}${said ? `: ${said}` : ''}`,
  };
}
