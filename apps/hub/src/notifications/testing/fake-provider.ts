import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { PushSubscriptionJson } from '../channel';
import type { PushSubscriber } from './fake-push-service';
import { decryptPush, makeSubscriber, vapidProblem } from './fake-push-service';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  raw: Buffer;
  body: string;
  /** A JSON or form body, a GET's query, or a push payload decrypted; null if unreadable. */
  parsed: unknown;
}

interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

type Mode =
  | { kind: 'normal' }
  | { kind: 'fail'; status: number; left: number; body: string | undefined }
  | { kind: 'slow'; ms: number }
  | { kind: 'hang' }
  | { kind: 'drop' };

const WHATSAPP_PATH = /^\/v\d+\.\d+\/\d+\/messages$/;
const PUSH_PATH = /^\/push\/(\w+)$/;

/** The Graph API's error answer, as the Cloud API sends it. */
export const graphError = (code: number, message: string): string =>
  JSON.stringify({
    error: { message, type: 'OAuthException', code, fbtrace_id: randomBytes(8).toString('hex') },
  });

const json = (status: number, value: unknown): Answer => ({
  status,
  body: JSON.stringify(value),
});

/**
 * A provider on 127.0.0.1 for tests: records every request and answers as told — normally,
 * failing, slowly, never, or taking a message and dropping the answer. Like an idempotent API
 * it answers a repeated Idempotency-Key with the first answer and counts a duplicate, not a
 * delivery. It speaks as the WhatsApp Cloud API (/vNN.N/<id>/messages), a Web Push service
 * (/push/<id>, checking VAPID and decrypting) and a generic gateway (any other path).
 */
export async function startFakeProvider(options: { token?: string } = {}) {
  const requests: RecordedRequest[] = [];
  const deliveries: RecordedRequest[] = [];
  const firstAnswers = new Map<string, Promise<Answer>>();
  const subscribers = new Map<string, PushSubscriber>();
  const held = new Set<ServerResponse>();
  let duplicates = 0;
  let mode: Mode = { kind: 'normal' };
  let origin = '';

  function whatsAppAnswer(request: RecordedRequest): Answer {
    if (options.token && request.headers.authorization !== `Bearer ${options.token}`)
      return { status: 401, body: graphError(190, 'Invalid OAuth access token.') };
    const body = request.parsed as {
      messaging_product?: unknown;
      to?: unknown;
      template?: { name?: unknown };
    } | null;
    const to = typeof body?.to === 'string' ? body.to : '';
    if (body?.messaging_product !== 'whatsapp' || !/^\d{8,15}$/.test(to) || !body.template?.name)
      return { status: 400, body: graphError(100, '(#100) Invalid parameter') };
    return json(200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: to, wa_id: to }],
      messages: [{ id: `wamid.${randomBytes(12).toString('base64url')}` }],
    });
  }

  function pushAnswer(request: RecordedRequest, id: string): Answer {
    if (!subscribers.has(id)) return { status: 410, body: '' };
    const problem = vapidProblem(request.headers.authorization, origin, Date.now());
    if (problem) return { status: 401, body: problem };
    if (request.headers['content-encoding'] !== 'aes128gcm' || !request.headers.ttl)
      return { status: 400, body: 'aes128gcm and a TTL are required' };
    if (request.parsed === null) return { status: 400, body: 'the fake could not decrypt it' };
    return { status: 201, body: '', headers: { location: `${origin}/message/${id}` } };
  }

  function answerFor(request: RecordedRequest): Answer {
    const push = PUSH_PATH.exec(request.path);
    if (push) return pushAnswer(request, push[1]!);
    if (WHATSAPP_PATH.test(request.path)) return whatsAppAnswer(request);
    return json(200, { status: true, id: randomBytes(6).toString('hex') });
  }

  function failureBody(path: string, status: number): string {
    if (PUSH_PATH.test(path)) return '';
    if (!WHATSAPP_PATH.test(path)) return JSON.stringify({ status: false, reason: 'fake failure' });
    if (status === 429) return graphError(130429, '(#130429) Rate limit hit');
    return status >= 500
      ? graphError(131000, '(#131000) Something went wrong')
      : graphError(100, '(#100) Invalid parameter');
  }

  function parse(path: string, headers: IncomingMessage['headers'], raw: Buffer): unknown {
    const push = PUSH_PATH.exec(path);
    if (push) {
      const subscriber = subscribers.get(push[1]!);
      return subscriber ? JSON.parse(decryptPush(raw, subscriber)) : null;
    }
    const text = raw.toString('utf8');
    if (String(headers['content-type']).includes('json')) return JSON.parse(text || 'null');
    return Object.fromEntries(new URLSearchParams(text));
  }

  function record(req: IncomingMessage, raw: Buffer): RecordedRequest {
    const url = new URL(req.url ?? '/', origin);
    let parsed: unknown = null;
    try {
      parsed =
        req.method === 'GET'
          ? Object.fromEntries(url.searchParams)
          : parse(url.pathname, req.headers, raw);
    } catch {
      parsed = null;
    }
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      headers: req.headers,
      raw,
      body: raw.toString('utf8'),
      parsed,
    };
    requests.push(recorded);
    return recorded;
  }

  const hold = (res: ServerResponse): void => void held.add(res);
  function reply(res: ServerResponse, answer: Answer): void {
    if (res.destroyed) return;
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body);
  }
  const after = (ms: number, answer: Answer): Promise<Answer> =>
    new Promise((resolve) => setTimeout(() => resolve(answer), ms));

  async function handle(recorded: RecordedRequest, res: ServerResponse): Promise<void> {
    const current = mode;
    if (current.kind === 'hang') return hold(res);
    if (current.kind === 'fail') {
      current.left -= 1;
      if (current.left <= 0) mode = { kind: 'normal' };
      return reply(res, {
        status: current.status,
        body: current.body ?? failureBody(recorded.path, current.status),
      });
    }
    const key = recorded.headers['idempotency-key'];
    const first = typeof key === 'string' ? firstAnswers.get(key) : undefined;
    if (first) {
      duplicates += 1;
      return reply(res, await first);
    }
    const answer = answerFor(recorded);
    const answered = after(current.kind === 'slow' ? current.ms : 0, answer);
    if (answer.status < 300) {
      deliveries.push(recorded);
      if (typeof key === 'string') firstAnswers.set(key, answered);
    }
    if (current.kind === 'drop') return hold(res);
    reply(res, await answered);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(record(req, Buffer.concat(chunks)), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  function releaseHeld(): void {
    for (const res of held) res.destroy();
    held.clear();
  }

  return {
    url: origin,
    requests,
    deliveries,
    get duplicates(): number {
      return duplicates;
    },
    normal: (): void => void (mode = { kind: 'normal' }),
    /** The next `times` requests get `status`, with `body` or one shaped like the provider's. */
    fail: (status: number, times = 1, body?: string): void =>
      void (mode = { kind: 'fail', status, left: times, body }),
    slow: (ms: number): void => void (mode = { kind: 'slow', ms }),
    /** Requests are recorded and never answered: nothing is delivered. */
    hang: (): void => void (mode = { kind: 'hang' }),
    /** Messages are delivered but their answers are lost on the way back. */
    dropAnswers: (): void => void (mode = { kind: 'drop' }),
    /** Ends requests left unanswered: their senders see the connection drop. */
    releaseHanging: releaseHeld,
    /** Forgets all requests, deliveries and keys, and answers normally again. */
    reset(): void {
      releaseHeld();
      requests.length = 0;
      deliveries.length = 0;
      firstAnswers.clear();
      duplicates = 0;
      mode = { kind: 'normal' };
    },
    /** A browser's push subscription pointing here, with keys this fake decrypts with. */
    pushSubscription(): PushSubscriptionJson {
      const id = randomBytes(6).toString('hex');
      const { subscriber, subscription } = makeSubscriber(`${origin}/push/${id}`);
      subscribers.set(id, subscriber);
      return subscription;
    },
    /** The push service forgets a subscription: later pushes to it get 410 Gone. */
    unsubscribe(subscription: PushSubscriptionJson): void {
      subscribers.delete(subscription.endpoint.split('/').at(-1) ?? '');
    },
    close: async (): Promise<void> => {
      releaseHeld();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeProvider = Awaited<ReturnType<typeof startFakeProvider>>;
