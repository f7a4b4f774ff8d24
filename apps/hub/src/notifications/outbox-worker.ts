import type { NotifyMessage, NotifySettings } from '@antre/protocol';
import type { Channel, OutgoingMessage, Recipient, SendOutcome } from './channel';
import { MESSAGE_CATALOGUE, renderText } from './message-catalogue';
import type { ChannelRow, NotifyStore, OutboxRow, OutboxUpdate } from './notify-store';

/** Whom a row goes to, through which channel, and where a tap leads; null: nobody to send to. */
export type ResolvedRecipient =
  { channel: ChannelRow; to: Recipient; url: string | null } | { skip: string };
type Target = Extract<ResolvedRecipient, { channel: ChannelRow }>;

export interface WorkerDeps {
  store: NotifyStore;
  now: () => number;
  settings: () => NotifySettings;
  resolve: (row: OutboxRow, settings: NotifySettings) => Promise<ResolvedRecipient>;
  channelFor: (row: ChannelRow) => Promise<Channel>;
  /** One attempt's limit; a hanging provider is cut here. */
  attemptTimeoutMs?: number;
  /** How often retries that came due are looked for. */
  pollMs?: number;
  /** The first wait before trying again; tests shorten it. */
  backoffBaseMs?: number;
}

const MAX_ATTEMPTS = 8;
const IN_FLIGHT = 8;
/** A claimed row comes due again after this if its process died mid-send. */
const CLAIM_MS = 2 * 60_000;

/** 5 s, 15 s, 45 s … up to 30 minutes between attempts. */
export const backoffMs = (attempts: number, baseMs = 5_000): number =>
  Math.min(baseMs * 3 ** Math.max(attempts - 1, 0), 30 * 60_000);

/**
 * Sends what the outbox holds, never in a queue command's way: commands only write rows; this
 * reads them on its own time, a few at a time, each attempt bounded. A row is claimed (its
 * attempt counted) before it is sent and marked after, so a hub killed in between sends it
 * again with the same idempotency key, which providers that take one answer only once. A claim
 * holds only if the row is still as it was read, so two senders never both send it.
 * Claims are written one transaction per pump and outcomes one per turn of the event loop,
 * as bookkeeping that does not wait for the disk: a quick provider must not add commits
 * the queue's own commands wait behind. One pump runs at a time.
 */
export function createOutboxWorker(deps: WorkerDeps) {
  const inFlight = new Set<number>();
  const timeoutMs = deps.attemptTimeoutMs ?? 15_000;
  const stopping = new AbortController();
  let closing = false;
  let scheduled = false;
  let pumping: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const outcomes: OutboxUpdate[] = [];

  async function textsOf(): Promise<Map<string, string>> {
    return new Map((await deps.store.texts()).map((t) => [`${t.message}/${t.language}`, t.text]));
  }

  function render(row: OutboxRow, texts: Map<string, string>, url: string | null): OutgoingMessage {
    const entry = MESSAGE_CATALOGUE[row.message as NotifyMessage];
    const params = JSON.parse(row.params) as Record<string, string>;
    const template = texts.get(`${row.message}/${row.language}`) ?? entry?.text[row.language] ?? '';
    return {
      idempotencyKey: row.key,
      message: row.message,
      language: row.language,
      text: renderText(template, params),
      title: entry?.title[row.language] ?? 'Antre',
      params,
      url,
    };
  }

  async function pump(): Promise<void> {
    const room = IN_FLIGHT - inFlight.size;
    if (room <= 0) return;
    const now = deps.now();
    const settings = deps.settings();
    const texts = await textsOf();
    const started = await claimDue(now, settings, room);
    for (const { row, target } of started) {
      // Closing: the row stays claimed, the next start retries it.
      if (closing) break;
      inFlight.add(row.seq);
      void attempt(row, target, render(row, texts, target.url)).finally(() => {
        inFlight.delete(row.seq);
        wake();
      });
    }
  }

  /** Decides what is due now: held by the limit, skipped, or claimed to be sent. */
  async function claimDue(now: number, settings: NotifySettings, room: number) {
    const chosen: { row: OutboxRow; target: Target; update: number }[] = [];
    const updates: OutboxUpdate[] = [];
    const hourAgo = now - 60 * 60_000;
    for (const row of await deps.store.due(now, room + inFlight.size)) {
      if (chosen.length >= room) break;
      if (inFlight.has(row.seq)) continue;
      const { seq, attempts } = row;
      if ((await deps.store.sentTo(row.recipient, hourAgo)) >= settings.perRecipientPerHour) {
        updates.push({
          kind: 'retry',
          seq,
          attempts,
          channelId: null,
          error: 'per-recipient limit: waiting',
          nextAt: now + 5 * 60_000,
        });
        continue;
      }
      const target = await deps.resolve(row, settings);
      if ('skip' in target)
        updates.push({
          kind: 'ended',
          seq,
          attempts,
          status: 'skipped',
          channelId: null,
          error: target.skip,
        });
      else {
        chosen.push({ row, target, update: updates.length });
        const channelId = target.channel.id;
        updates.push({ kind: 'claim', seq, attempts, retryAt: now + CLAIM_MS, channelId });
      }
    }
    if (updates.length === 0) return [];
    const applied = await deps.store.bookkeeping(updates);
    return chosen.filter((c) => applied[c.update]);
  }

  async function attempt(row: OutboxRow, target: Target, message: OutgoingMessage): Promise<void> {
    const signal = AbortSignal.any([stopping.signal, AbortSignal.timeout(timeoutMs)]);
    let outcome: SendOutcome;
    try {
      const channel = await deps.channelFor(target.channel);
      outcome = await channel.send(target.to, message, signal);
    } catch (error) {
      outcome = { ok: false, retry: true, reason: reasonOf(error) };
    }
    if (stopping.signal.aborted) return; // closing: the row stays claimed, the next start retries it
    const now = deps.now();
    // The claim counted this attempt.
    const attempts = row.attempts + 1;
    const mine = { seq: row.seq, attempts, channelId: target.channel.id };
    if (outcome.ok) record({ ...mine, kind: 'sent', answer: outcome.answer, at: now });
    else if (outcome.retry && attempts < MAX_ATTEMPTS)
      record({
        ...mine,
        kind: 'retry',
        error: outcome.reason,
        nextAt: now + backoffMs(attempts, deps.backoffBaseMs),
      });
    else record({ ...mine, kind: 'ended', status: 'failed', error: outcome.reason });
  }

  /** Outcomes that arrive in the same turn are written in one transaction. */
  function record(update: OutboxUpdate): void {
    outcomes.push(update);
    if (outcomes.length === 1)
      setImmediate(() => {
        void flushOutcomes();
      });
  }

  async function flushOutcomes(): Promise<void> {
    const updates = outcomes.splice(0);
    if (stopping.signal.aborted || updates.length === 0) return;
    try {
      await deps.store.bookkeeping(updates);
    } catch (error) {
      // Not kept: the rows stay claimed and come due again after CLAIM_MS.
      console.error('The outbox could not record what was sent', error);
    }
  }

  /** Looks for work soon, once, however many commands asked in the same turn. */
  function wake(): void {
    if (closing) return;
    if (pumping) {
      again = true;
      return;
    }
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (closing || pumping) return;
      pumping = pump()
        .catch((error: unknown) => console.error('The outbox could not be read', error))
        .finally(() => {
          pumping = null;
          if (again) {
            again = false;
            wake();
          }
        });
    });
  }

  return {
    async start(): Promise<void> {
      await deps.store.releaseClaims(deps.now());
      timer = setInterval(wake, deps.pollMs ?? 1_000);
      timer.unref();
      wake();
    },
    wake,
    get inFlight(): number {
      return inFlight.size;
    },
    async stop(): Promise<void> {
      closing = true;
      if (timer) clearInterval(timer);
      await pumping;
      await flushOutcomes(); // what was answered is kept: never sent again after a restart
      stopping.abort();
    },
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'no answer in time';
  return error instanceof Error ? error.message.slice(0, 200) : 'send failed';
}
