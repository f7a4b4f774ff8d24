import type { ChannelBody, ChannelView } from '@antre/protocol';
import { randomUUID } from 'node:crypto';
import { httpGatewayChannel } from './adapters/http-gateway';
import { logChannel } from './adapters/log-channel';
import { makeVapidKeys, webPushChannel } from './adapters/web-push';
import { whatsAppChannel } from './adapters/whatsapp';
import type { Channel } from './channel';
import type { ChannelRow, NotifyStore } from './notify-store';

const VAPID_PUBLIC = 'vapid_public';
const VAPID_PRIVATE = 'vapid_private';

type Secrets = Record<string, string>;

/** "••••f3a9": enough to recognise a secret, not to use it. */
export const mask = (secret: string): string => `••••${secret.slice(-4)}`;

/**
 * Channels as the admin set them up, and the adapters made from them. Secrets live apart
 * from the settings (notify_channels.secrets) and leave the hub only toward their provider.
 */
export function createChannelFactory(store: NotifyStore) {
  type KeyPair = { publicKey: string; privateKey: string };
  let keys: Promise<KeyPair> | undefined;

  async function readOrMakeKeys(): Promise<KeyPair> {
    const stored = async () => {
      const publicKey = await store.secret(VAPID_PUBLIC);
      const privateKey = await store.secret(VAPID_PRIVATE);
      return publicKey && privateKey ? { publicKey, privateKey } : null;
    };
    const found = await stored();
    if (found) return found;
    const made = makeVapidKeys();
    await store.addSecrets({ [VAPID_PUBLIC]: made.publicKey, [VAPID_PRIVATE]: made.privateKey });
    // Another process may have kept its pair first: the stored one is the one browsers get.
    const kept = await stored();
    if (!kept) throw new Error('The Web Push keys were not saved');
    return kept;
  }

  /** Read (or made) once; a failed read is tried again by the next caller. */
  function vapidKeys(): Promise<KeyPair> {
    keys ??= readOrMakeKeys().catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return keys;
  }

  async function build(row: ChannelRow): Promise<Channel> {
    const config = JSON.parse(row.config) as ChannelBody;
    const secrets = JSON.parse(row.secrets) as Secrets;
    switch (config.kind) {
      case 'whatsapp':
        return whatsAppChannel({ ...config, token: secrets.token ?? '' });
      case 'http':
        return httpGatewayChannel({ ...config, secretHeaders: secrets });
      case 'webpush':
        return webPushChannel({ subject: config.subject, ...(await vapidKeys()) });
      case 'log':
        return logChannel();
    }
  }

  const isEnabled = (row: ChannelRow): boolean =>
    (JSON.parse(row.config) as { enabled: boolean }).enabled;

  function view(row: ChannelRow): ChannelView {
    const config = JSON.parse(row.config) as ChannelBody & Record<string, unknown>;
    const secrets = JSON.parse(row.secrets) as Secrets;
    const { kind, name, enabled, ...rest } = config;
    return {
      id: row.id,
      kind,
      name,
      enabled,
      config: rest,
      secrets: Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, mask(v)])),
    };
  }

  /** Splits a channel's body into settings and secrets; a secret left out keeps its stored value. */
  async function save(id: string | null, body: ChannelBody, now: number): Promise<ChannelView> {
    const existing = id ? await store.channel(id) : undefined;
    const kept =
      existing && existing.kind === body.kind ? (JSON.parse(existing.secrets) as Secrets) : {};
    const secrets: Secrets = {};
    let config: Record<string, unknown> = { ...body };
    if (body.kind === 'whatsapp') {
      const { token, ...rest } = body;
      config = rest;
      const value = token ?? kept.token;
      if (value) secrets.token = value;
    }
    if (body.kind === 'http') {
      config = {
        ...body,
        headers: body.headers.map((h) => {
          if (!h.secret) return h;
          const value = h.value ?? kept[h.name];
          if (value) secrets[h.name] = value;
          return { name: h.name, secret: true };
        }),
      };
    }
    const row: ChannelRow = {
      id: existing?.id ?? randomUUID().slice(0, 8),
      kind: body.kind,
      config: JSON.stringify(config),
      secrets: JSON.stringify(secrets),
      updated_at: now,
    };
    await store.saveChannel(row);
    return view(row);
  }

  return {
    build,
    isEnabled,
    view,
    save,
    list: async (): Promise<ChannelView[]> => (await store.channels()).map(view),
    enabledOfKind: async (kind: ChannelRow['kind']): Promise<ChannelRow | undefined> =>
      (await store.channels()).find((c) => c.kind === kind && isEnabled(c)),
    /** The key a browser subscribes with; made at the first start that asks for it. */
    vapidPublicKey: async (): Promise<string> => (await vapidKeys()).publicKey,
  };
}

export type ChannelFactory = ReturnType<typeof createChannelFactory>;
