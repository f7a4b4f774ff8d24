import type { ChannelView } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import { bodyOf, draftFromPreset, draftOf } from './channel-draft';

const gateway: ChannelView = {
  id: 'c1',
  kind: 'http',
  name: 'Fonnte',
  enabled: true,
  config: {
    url: 'https://api.fonnte.com/send',
    method: 'POST',
    contentType: 'form',
    headers: [
      { name: 'Authorization', secret: true },
      { name: 'X-Site', value: 'mpp', secret: false },
    ],
    body: 'target={{phone}}&message={{text}}',
  },
  secrets: { Authorization: '••••9f3a' },
};

describe('a channel as its form edits it', () => {
  it('when a stored gateway is edited, then its secret is only a mask and is left out unless retyped', () => {
    const draft = draftOf(gateway);
    expect(draft.headers[0]).toEqual({
      name: 'Authorization',
      value: '',
      secret: true,
      stored: '••••9f3a',
    });
    const body = bodyOf(draft);
    expect(body).toMatchObject({
      kind: 'http',
      headers: [
        { name: 'Authorization', secret: true },
        { name: 'X-Site', value: 'mpp', secret: false },
      ],
    });
    expect(JSON.stringify(body)).not.toContain('••••');
    draft.headers[0]!.value = 'new-token';
    expect(bodyOf(draft)).toMatchObject({
      headers: [{ name: 'Authorization', value: 'new-token', secret: true }, {}],
    });
  });

  it('when a WhatsApp token is left empty, then none is sent; empty template names are dropped', () => {
    const draft = draftOf({
      id: 'w1',
      kind: 'whatsapp',
      name: 'WA',
      enabled: false,
      config: {
        phoneNumberId: '1065403522',
        apiVersion: 'v21.0',
        baseUrl: 'https://graph.facebook.com',
        templates: { test: 'uji' },
      },
      secrets: { token: '••••abcd' },
    });
    expect(draft.tokenStored).toBe('••••abcd');
    draft.templates['ticket.near'] = ' ';
    const body = bodyOf(draft);
    expect(body).not.toHaveProperty('token');
    expect(body).toMatchObject({ templates: { test: 'uji' }, enabled: false });
  });

  it('when a preset is chosen, then its headers come without values', () => {
    const draft = draftFromPreset({
      id: 'fonnte',
      name: 'Fonnte (WhatsApp)',
      url: 'https://api.fonnte.com/send',
      method: 'POST',
      contentType: 'form',
      headers: [{ name: 'Authorization', secret: true }],
      body: 'target={{phone}}',
      note: '',
    });
    expect(draft).toMatchObject({ id: null, kind: 'http', name: 'Fonnte (WhatsApp)' });
    expect(draft.headers).toEqual([
      { name: 'Authorization', value: '', secret: true, stored: null },
    ]);
  });
});
