export interface GatewayPreset {
  id: string;
  name: string;
  url: string;
  method: 'POST' | 'GET';
  contentType: 'json' | 'form';
  headers: { name: string; secret: boolean }[];
  body: string;
  note: string;
}

/**
 * Gateways sold in Indonesia, set up as their public API pages show; the site fills in its
 * token (and for Wablas its server). Where a provider's own page could not be found the note
 * says where the settings come from, so an admin knows to check them.
 */
export const GATEWAY_PRESETS: GatewayPreset[] = [
  {
    // docs.fonnte.com/api-send-message
    id: 'fonnte',
    name: 'Fonnte (WhatsApp)',
    url: 'https://api.fonnte.com/send',
    method: 'POST',
    contentType: 'form',
    headers: [{ name: 'Authorization', secret: true }],
    body: 'target={{phone}}&message={{text}}&countryCode=62',
    note: 'Authorization: the device token from the Fonnte dashboard. Fonnte answers a refusal (an invalid token, say) with status false, which is logged as a failure.',
  },
  {
    // wablas.com/documentation/api
    id: 'wablas',
    name: 'Wablas (WhatsApp)',
    url: 'https://SERVER.wablas.com/api/send-message',
    method: 'POST',
    contentType: 'form',
    headers: [{ name: 'Authorization', secret: true }],
    body: 'phone={{phone}}&message={{text}}',
    note: 'Replace SERVER with the server your Wablas dashboard names (jogja, solo, …). Authorization: the device token. Where the dashboard also shows a secret key, client code sends token.secretkey joined by a dot; the public page does not say so.',
  },
  {
    // Zenziva's own API page was not found: these follow public client code for console accounts.
    id: 'zenziva-wa',
    name: 'Zenziva (WhatsApp)',
    url: 'https://console.zenziva.net/wareguler/api/sendWA/',
    method: 'POST',
    contentType: 'form',
    headers: [],
    body: 'userkey=USERKEY&passkey=PASSKEY&to={{phone}}&message={{text}}',
    note: "Not checked against Zenziva's own documentation: compare the address and fields with your Zenziva console. Zenziva takes its userkey and passkey in the body, which is kept as a setting, not as a secret.",
  },
  {
    id: 'zenziva-sms',
    name: 'Zenziva (SMS)',
    url: 'https://console.zenziva.net/reguler/api/sendsms/',
    method: 'POST',
    contentType: 'form',
    headers: [],
    body: 'userkey=USERKEY&passkey=PASSKEY&to={{phone}}&message={{text}}',
    note: "Not checked against Zenziva's own documentation: compare the address and fields with your Zenziva console. An SMS part holds 160 characters; the userkey and passkey are kept as a setting, not as a secret.",
  },
];
