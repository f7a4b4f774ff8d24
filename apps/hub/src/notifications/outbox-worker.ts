import type { NotifyMessage, NotifySettings } from '@antre/protocol';
import type { Channel, OutgoingMessage, Recipient, SendOutcome } from './channel';
import { MESSAGE_CATALOGUE, renderText } from './message-catalogue';
import type { ChannelRow, NotifyStore, OutboxRow } from './notify-store';

/** Whom a row goes to, through which channel, and where a tap leads; null: nobody to send to. */
export type ResolvedRecipient =
  { channel: ChannelRow; to: Recipient; url: string | null } | { skip: string };

export interface WorkerDeps {
  store: NotifyStore;
  now: () => number;
  settings: () => NotifySettings;
  resolve: (row: OutboxRow, settings: NotifySettings) => ResolvedRecipient;
  channelFor: (row: ChannelRow) => Channel;
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
 * again with the same idempotency key, which providers that take one answer only once.
 * Claims are written one transaction per pump and outcomes one per turn of the event loop,
 * as bookkeeping that does not wait for the disk: a quick provider must not add commits
 * the queue's own commands wait behind.
 */
export function createOutboxWorker(deps: WorkerDeps) {
  const inFlight = new Set<number>();
  const timeoutMs = deps.attemptTimeoutMs ?? 15_000;
  const stopping = new AbortController();
  let scheduled = false;
  let timer: NodeJS.Timeout | undefined;
  const outcomes: (() => void)[] = [];

  function textsOf(): Map<string, string> {
    return new Map(deps.store.texts().map((t) => [`${t.message}/${t.language}`, t.text]));
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

  function pump(): void {
    scheduled = false;
    if (stopping.signal.aborted) return;
    const room = IN_FLIGHT - inFlight.size;
    if (room <= 0) return;
    const now = deps.now();
    const settings = deps.settings();
    const texts = textsOf();
    const started = deps.store.bookkeeping(() => claimDue(now, settings, room));
    for (const { row, target } of started) {
      inFlight.add(row.seq);
      void attempt(row, target, render(row, texts, target.url)).finally(() => {
        inFlight.delete(row.seq);
        wake();
      });
    }
  }

  /** Decides what is due now: held by the limit, skipped, or claimed to be sent. */
  function claimDue(now: number, settings: NotifySettings, room: number) {
    const started: {
      row: OutboxRow;
      target: Extract<ResolvedRecipient, { channel: ChannelRow }>;
    }[] = [];
    const hourAgo = now - 60 * 60_000;
    for (const row of deps.store.due(now, room + inFlight.size)) {
      if (started.length >= room) break;
      if (inFlight.has(row.seq)) continue;
      if (deps.store.sentTo(row.recipient, hourAgo) >= settings.perRecipientPerHour) {
        deps.store.markRetry(row.seq, null, 'per-recipient limit: waiting', now + 5 * 60_000);
        continue;
      }
      const target = deps.resolve(row, settings);
      if ('skip' in target) deps.store.markEnded(row.seq, 'skipped', null, target.skip);
      else if (deps.store.claim(row.seq, now + CLAIM_MS, target.channel.id))
        started.push({ row, target });
    }
    return started;
  }

  async function attempt(
    row: OutboxRow,
    target: Extract<ResolvedRecipient, { channel: ChannelRow }>,
    message: OutgoingMessage,
  ): Promise<void> {
    const signal = AbortSignal.any([stopping.signal, AbortSignal.timeout(timeoutMs)]);
    let outcome: SendOutcome;
    try {
      outcome = await deps.channelFor(target.channel).send(target.to, message, signal);
    } catch (error) {
      outcome = { ok: false, retry: true, reason: reasonOf(error) };
    }
    if (stopping.signal.aborted) return; // closing: the row stays claimed, the next start retries it
    record(() => {
      const now = deps.now();
      const attempts = row.attempts + 1;
      const channelId = target.channel.id;
      if (outcome.ok) deps.store.markSent(row.seq, channelId, outcome.answer, now);
      else if (outcome.retry && attempts < MAX_ATTEMPTS)
        deps.store.markRetry(
          row.seq,
          channelId,
          outcome.reason,
          now + backoffMs(attempts, deps.backoffBaseMs),
        );
      else deps.store.markEnded(row.seq, 'failed', channelId, outcome.reason);
    });
  }

  /** Outcomes that arrive in the same turn are written in one transaction. */
  function record(write: () => void): void {
    outcomes.push(write);
    if (outcomes.length === 1) setImmediate(flushOutcomes);
  }

  function flushOutcomes(): void {
    const writes = outcomes.splice(0);
    if (stopping.signal.aborted || writes.length === 0) return;
    deps.store.bookkeeping(() => writes.forEach((write) => write()));
  }

  /** Looks for work soon, once, however many commands asked in the same turn. */
  function wake(): void {
    if (scheduled || stopping.signal.aborted) return;
    scheduled = true;
    setImmediate(pump);
  }

  return {
    start(): void {
      deps.store.releaseClaims(deps.now());
      timer = setInterval(wake, deps.pollMs ?? 1_000);
      timer.unref();
      wake();
    },
    wake,
    get inFlight(): number {
      return inFlight.size;
    },
    stop(): void {
      flushOutcomes(); // what was answered is kept: never sent again after a restart
      stopping.abort();
      if (timer) clearInterval(timer);
    },
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'no answer in time';
  return error instanceof Error ? error.message.slice(0, 200) : 'send failed';
}
