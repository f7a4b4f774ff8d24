import type { ChannelBody, ChannelView } from '@antre/protocol';
import type { GatewayPreset } from './notify-api';

export type ChannelKind = ChannelBody['kind'];
export const CHANNEL_KINDS: readonly ChannelKind[] = ['whatsapp', 'http', 'webpush', 'log'];

export interface HeaderDraft {
  name: string;
  /** What the admin typed; for a secret, empty keeps the stored value. */
  value: string;
  secret: boolean;
  /** The stored secret, masked ("••••abcd"), when there is one. */
  stored: string | null;
}

/** A channel as its form edits it: every kind's fields, as text. */
export interface ChannelDraft {
  id: string | null;
  kind: ChannelKind;
  name: string;
  enabled: boolean;
  phoneNumberId: string;
  token: string;
  tokenStored: string | null;
  apiVersion: string;
  baseUrl: string;
  templates: Record<string, string>;
  url: string;
  method: 'POST' | 'GET';
  contentType: 'json' | 'form';
  headers: HeaderDraft[];
  body: string;
  subject: string;
}

const DEFAULT_NAMES: Record<ChannelKind, string> = {
  whatsapp: 'WhatsApp Cloud API',
  http: 'Gateway SMS/WhatsApp',
  webpush: 'Web Push',
  log: 'Log',
};

export function emptyDraft(kind: ChannelKind): ChannelDraft {
  return {
    id: null,
    kind,
    name: DEFAULT_NAMES[kind],
    enabled: true,
    phoneNumberId: '',
    token: '',
    tokenStored: null,
    apiVersion: 'v21.0',
    baseUrl: 'https://graph.facebook.com',
    templates: {},
    url: '',
    method: 'POST',
    contentType: 'json',
    headers: [],
    body: '{"to": "{{phone}}", "message": "{{text}}"}',
    subject: 'mailto:',
  };
}

export function draftFromPreset(preset: GatewayPreset): ChannelDraft {
  return {
    ...emptyDraft('http'),
    name: preset.name,
    url: preset.url,
    method: preset.method,
    contentType: preset.contentType,
    headers: preset.headers.map((h) => ({ ...h, value: '', stored: null })),
    body: preset.body,
  };
}

const text = (value: unknown, fallback: string): string =>
  typeof value === 'string' ? value : fallback;

/** The form's draft of a stored channel; secrets stay on the hub, only their masks come back. */
export function draftOf(view: ChannelView): ChannelDraft {
  const c = view.config;
  const empty = emptyDraft(view.kind);
  const headers = Array.isArray(c.headers)
    ? (c.headers as { name: string; value?: string; secret?: boolean }[]).map((h) => ({
        name: h.name,
        value: h.secret ? '' : (h.value ?? ''),
        secret: h.secret === true,
        stored: h.secret ? (view.secrets[h.name] ?? null) : null,
      }))
    : [];
  return {
    ...empty,
    id: view.id,
    name: view.name,
    enabled: view.enabled,
    phoneNumberId: text(c.phoneNumberId, ''),
    tokenStored: view.secrets.token ?? null,
    apiVersion: text(c.apiVersion, empty.apiVersion),
    baseUrl: text(c.baseUrl, empty.baseUrl),
    templates: (c.templates as Record<string, string> | undefined) ?? {},
    url: text(c.url, ''),
    method: c.method === 'GET' ? 'GET' : 'POST',
    contentType: c.contentType === 'form' ? 'form' : 'json',
    headers,
    body: text(c.body, empty.body),
    subject: text(c.subject, empty.subject),
  };
}

/** What the hub takes: a secret left empty is left out, so the stored one stays. */
export function bodyOf(d: ChannelDraft): ChannelBody {
  const common = { name: d.name, enabled: d.enabled };
  switch (d.kind) {
    case 'whatsapp':
      return {
        kind: 'whatsapp',
        ...common,
        baseUrl: d.baseUrl,
        apiVersion: d.apiVersion,
        phoneNumberId: d.phoneNumberId.trim(),
        templates: Object.fromEntries(
          Object.entries(d.templates)
            .map(([message, name]) => [message, name.trim()])
            .filter(([, name]) => name !== ''),
        ),
        ...(d.token.trim() ? { token: d.token.trim() } : {}),
      };
    case 'http':
      return {
        kind: 'http',
        ...common,
        url: d.url,
        method: d.method,
        contentType: d.contentType,
        headers: d.headers.map((h) => ({
          name: h.name.trim(),
          secret: h.secret,
          ...(h.secret && h.value === '' ? {} : { value: h.value }),
        })),
        body: d.body,
      };
    case 'webpush':
      return { kind: 'webpush', ...common, subject: d.subject };
    case 'log':
      return { kind: 'log', ...common };
  }
}
