import { createECDH, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
// http_ece is what web-push encrypts with; the fake push service decrypts with it.
import ece from 'http_ece';
import type { PushSubscriptionJson } from '../channel';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** JSON or form bodies, parsed; a decrypted push payload for /push/. */
  parsed: unknown;
}

type Mode =
  | { kind: 'normal' }
  | { kind: 'fail'; status: number; left: number; body?: string }
  | { kind: 'slow'; ms: number }
  | { kind: 'hang' };

/**
 * A provider on 127.0.0.1 for tests: records every request and answers as told — normally,
 * failing, slowly, or never. Like an idempotent API it answers a repeated Idempotency-Key with
 * the first answer and counts it as a duplicate, not as a new delivery. It speaks as the
 * WhatsApp Cloud API (/vNN.N/<id>/messages), a gateway (any other path) and a Web Push
 * service (/push/<id>, decrypting the payload with the subscriber's keys).
 */
export async function startFakeProvider(options: { token?: string } = {}) {
  const requests: RecordedRequest[] = [];
  const deliveries: RecordedRequest[] = [];
  const answered = new Map<string, { status: number; body: string }>();
  const subscribers = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  const hanging = new Set<ServerResponse>();
  let duplicates = 0;
  let mode: Mode = { kind: 'normal' };
  let sequence = 0;

  function answerFor(request: RecordedRequest): { status: number; body: string } {
    if (request.path.startsWith('/push/')) return { status: 201, body: '' };
    if (/^\/v\d+\.\d+\/\d+\/messages$/.test(request.path)) {
      if (options.token && request.headers.authorization !== `Bearer ${options.token}`) {
        return {
          status: 401,
          body: JSON.stringify({
            error: {
              message: 'Invalid OAuth access token.',
              type: 'OAuthException',
              code: 190,
              fbtrace_id: 'x',
            },
          }),
        };
      }
      const to = (request.parsed as { to?: string }).to ?? '';
      return {
        status: 200,
        body: JSON.stringify({
          messaging_product: 'whatsapp',
          contacts: [{ input: to, wa_id: to }],
          messages: [{ id: `wamid.${++sequence}` }],
        }),
      };
    }
    return { status: 200, body: JSON.stringify({ status: true, id: ++sequence }) };
  }

  function parse(path: string, headers: IncomingMessage['headers'], raw: Buffer): unknown {
    const push = /^\/push\/(\w+)$/.exec(path);
    if (push) {
      const sub = subscribers.get(push[1]!);
      if (!sub) return null;
      const plain = ece.decrypt(raw, {
        version: 'aes128gcm',
        privateKey: sub.ecdh,
        authSecret: sub.auth.toString('base64url'),
      });
      return JSON.parse(plain.toString('utf8'));
    }
    const text = raw.toString('utf8');
    if (String(headers['content-type']).includes('json')) return JSON.parse(text || 'null');
    return Object.fromEntries(new URLSearchParams(text));
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://fake');
      let parsed: unknown = null;
      try {
        parsed = parse(url.pathname, req.headers, raw);
      } catch {
        parsed = { unreadable: true };
      }
      if (req.method === 'GET') parsed = Object.fromEntries(url.searchParams);
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        headers: req.headers,
        body: raw.toString('utf8'),
        parsed,
      };
      requests.push(recorded);
      const reply = (status: number, body: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body);
      };
      if (mode.kind === 'hang') {
        hanging.add(res);
        return;
      }
      if (mode.kind === 'fail' && mode.left > 0) {
        mode.left -= 1;
        const { status } = mode;
        const body = mode.body ?? JSON.stringify({ error: 'fake failure' });
        if (mode.left === 0) mode = { kind: 'normal' };
        reply(status, body);
        return;
      }
      const key =
        (req.headers['idempotency-key'] as string | undefined) ??
        (parsed as { biz_opaque_callback_data?: string } | null)?.biz_opaque_callback_data;
      const first = key ? answered.get(key) : undefined;
      const send = () => {
        if (first) {
          duplicates += 1;
          reply(first.status, first.body);
          return;
        }
        const answer = answerFor(recorded);
        if (answer.status < 300) {
          deliveries.push(recorded);
          if (key) answered.set(key, answer);
        }
        reply(answer.status, answer.body);
      };
      if (mode.kind === 'slow') setTimeout(send, mode.ms);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url,
    requests,
    deliveries,
    get duplicates() {
      return duplicates;
    },
    normal: () => void (mode = { kind: 'normal' }),
    /** The next `times` requests get `status` (a Graph-shaped error body if given). */
    fail: (status: number, times = 1, body?: string) =>
      void (mode = { kind: 'fail', status, left: times, ...(body ? { body } : {}) }),
    slow: (ms: number) => void (mode = { kind: 'slow', ms }),
    hang: () => void (mode = { kind: 'hang' }),
    /** Ends requests left hanging (their senders see the connection drop). */
    releaseHanging(): void {
      for (const res of hanging) res.destroy();
      hanging.clear();
    },
    /** A browser's push subscription that points here, with keys this fake can decrypt with. */
    pushSubscription(): PushSubscriptionJson {
      const id = randomBytes(6).toString('hex');
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      subscribers.set(id, { ecdh, auth });
      return {
        endpoint: `${url}/push/${id}`,
        keys: {
          p256dh: ecdh.getPublicKey().toString('base64url'),
          auth: auth.toString('base64url'),
        },
      };
    },
    close: async (): Promise<void> => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeProvider = Awaited<ReturnType<typeof startFakeProvider>>;
