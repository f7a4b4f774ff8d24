// The scale phase: does a command slow down as the day fills? The hub with the usual 270
// clients; the day is filled as a real one fills, kiosks issuing (issue + print confirmed)
// and counters calling (the load building serves on call, so each call finishes the
// counter's previous visitor): most tickets end done and a few hundred wait. At 1,000, 5,000
// and 20,000 tickets in the day a paced window measures call-next's answer and call→display.
import type { ChildProcess } from 'node:child_process';
import type { ManyDone } from './client-worker';
import type { Message } from './rig';
import { ask, building, SERVICE_IDS, sleep, startClients, startServer, stopAll } from './rig';
import type { ScaleCheckpoint } from './scale-table';

export const SCALE_CHECKPOINTS = [1_000, 5_000, 20_000];
/** The measuring window: this many calls at this pace, a ticket issued every other call. */
const WINDOW_CALLS = 120;
const WINDOW_CALLS_PER_SECOND = 20;
/** The fill's calls leave this many waiting, sent in lots of at least FILL_CALLS. */
const FILL_WAITING = 200;
const FILL_CALLS = 100;
const FILL_REPORT_MS = 20_000;
const SETTLE_MS = 2000;
/**
 * Kiosk sockets the fill issues on. The hub allows a socket 10 events a second, 2 per
 * ticket: the 20 kiosks alone could not issue more than ~80 tickets a second, so the kiosk
 * worker opens more sockets on the same kiosks' tokens for the fill and closes them after.
 * Not more: each kiosk socket also gets every waiting-count change, so 80 filled slower
 * than 40 on 2 cores.
 */
export const FILL_LANES = 40;

export interface ScaleResult {
  checkpoints: ScaleCheckpoint[];
  /** Calls refused during the fills, by error code. */
  fillRefusals: Record<string, number>;
}

const tally = (codes: string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const code of codes) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
};
const counters = building.counters.length;
const agencies = building.agencies.length;
/** Window call `tick`'s counter: one agency after another, so every agency's line is called alike. */
const counterOf = (tick: number): number =>
  ((tick % agencies) * (counters / agencies) + Math.floor(tick / agencies)) % counters;

export async function runScale(
  hubProcess: string,
  checkpoints: number[] = SCALE_CHECKPOINTS,
): Promise<ScaleResult> {
  const server = await startServer(hubProcess, false);
  const clients = await startClients(server);
  const { kiosks, counterA, counterB, displays } = clients;
  /** Tickets issued and calls answered in the day so far. */
  let issued = 0;
  let called = 0;
  const fillRefusals: Record<string, number> = {};
  const addRefusals = (errors: Record<string, number>): void => {
    for (const [code, n] of Object.entries(errors))
      fillRefusals[code] = (fillRefusals[code] ?? 0) + n;
  };

  // What the window measures; the fill sends none of these.
  const calls: Message[] = [];
  const issues: Message[] = [];
  const seen = new Map<string, number[]>();
  for (const worker of clients.all) {
    worker.on('message', (m: Message) => {
      if (m.type === 'called') calls.push(m);
      if (m.type === 'issued') issues.push(m);
      if (m.type === 'seen')
        seen.set(m.ticketId as string, [...(seen.get(m.ticketId as string) ?? []), m.at as number]);
    });
  }

  const many = (worker: ChildProcess, message: Message, answer: string): Promise<ManyDone> =>
    ask(worker, message, answer) as unknown as Promise<ManyDone>;

  /**
   * Issues up to `target` in one go on the kiosk worker while each counter worker calls its
   * half of the building down to FILL_WAITING / 2 whenever a FILL_CALLS / 2 more wait, so the
   * hub is never left waiting for a chunk's slowest ticket.
   */
  async function fillTo(target: number): Promise<void> {
    displays.send({ type: 'report-seen', on: false });
    const before = issued;
    let issuedNow = issued;
    let issuing = true;
    const progress = (m: Message): void => {
      if (m.type === 'issue-progress') issuedNow = before + (m.ok as number);
    };
    kiosks.on('message', progress);
    // A day's fill slows as the day grows; say how it goes.
    const started = Date.now();
    const ticker = setInterval(() => {
      const rate = (issuedNow - before) / ((Date.now() - started) / 1000);
      console.log(`scale: filling, ${issuedNow} issued (${rate.toFixed(0)} tickets/s so far)`);
    }, FILL_REPORT_MS);
    const tickets = many(
      kiosks,
      {
        type: 'issue-many',
        count: target - issued,
        lanes: FILL_LANES,
        serviceIds: SERVICE_IDS,
        from: issued,
        progressEvery: 25,
      },
      'issued-many',
    ).then((done) => {
      issuedNow = before + done.ok;
      issuing = false;
      return done;
    });
    // Tickets alternate between the services of counters 1–100 and of 101–200: each half
    // of the counters calls half of what is issued.
    const calledBefore = called;
    const halves = [counterA, counterB].map(async (worker) => {
      let calledHere = 0;
      for (;;) {
        const excess = (issuedNow - calledBefore) / 2 - calledHere - FILL_WAITING / 2;
        if (excess >= FILL_CALLS / 2 || (!issuing && excess >= 1)) {
          const done = await many(
            worker,
            { type: 'call-many', count: Math.floor(excess) },
            'called-many',
          );
          calledHere += done.ok;
          addRefusals(done.errors);
          if (done.ok === 0 && !issuing) break;
        } else if (!issuing) break;
        else await sleep(20);
      }
      return calledHere;
    });
    const done = await tickets;
    kiosks.off('message', progress);
    clearInterval(ticker);
    if (done.ok === 0)
      throw new Error(`scale: the hub issued no ticket: ${JSON.stringify(done.errors)}`);
    addRefusals(done.errors);
    issued = before + done.ok;
    called = calledBefore + (await Promise.all(halves)).reduce((a, b) => a + b, 0);
    await ask(kiosks, { type: 'close-lanes' }, 'lanes-closed');
    displays.send({ type: 'report-seen', on: true });
  }

  async function measure(target: number, fillSeconds: number): Promise<ScaleCheckpoint> {
    const waiting = issued - called;
    const tickets = issued;
    calls.length = 0;
    issues.length = 0;
    seen.clear();
    await sleep(SETTLE_MS); // the fill's last deliveries, and the hub's breath after it
    seen.clear();
    const start = Date.now();
    for (let tick = 0; tick < WINDOW_CALLS; tick += 1) {
      const counter = counterOf(tick);
      (counter < 100 ? counterA : counterB).send({ type: 'call', index: counter % 100 });
      if (tick % 2 === 0) {
        const serviceId = SERVICE_IDS[(issued + tick / 2) % SERVICE_IDS.length];
        kiosks.send({ type: 'issue', index: tick / 2, serviceId });
      }
      await sleep(start + ((tick + 1) * 1000) / WINDOW_CALLS_PER_SECOND - Date.now());
    }
    const settled = Date.now() + 10_000;
    while (
      (calls.length < WINDOW_CALLS || issues.length < WINDOW_CALLS / 2) &&
      Date.now() < settled
    )
      await sleep(50);
    await sleep(1000); // the last calls' deliveries
    const stats = await server.stats();
    const answered = calls.filter((c) => c.ok && c.ticketId);
    issued += issues.filter((i) => i.ok).length;
    called += answered.length;
    return {
      target,
      tickets,
      waiting,
      ack: answered.map((c) => c.ackMs as number),
      display: answered.flatMap((c) =>
        (seen.get(c.ticketId as string) ?? []).map((at) => at - (c.sentAt as number)),
      ),
      issue: issues.map((i) => i.ms as number),
      failedCalls: calls.length - answered.length,
      errors: tally(calls.filter((c) => !(c.ok && c.ticketId)).map((c) => String(c.error))),
      rssMb: stats.rss / 1024 / 1024,
      fillSeconds,
    };
  }

  const measured: ScaleCheckpoint[] = [];
  try {
    for (const target of checkpoints) {
      const fillStart = Date.now();
      await fillTo(target);
      const fillSeconds = (Date.now() - fillStart) / 1000;
      const refused = Object.keys(fillRefusals).length
        ? `; refused so far ${JSON.stringify(fillRefusals)}`
        : '';
      console.log(
        `scale: filled to ${issued} tickets (${called} called, ${issued - called} waiting) in ${fillSeconds.toFixed(1)} s${refused}`,
      );
      measured.push(await measure(target, fillSeconds));
    }
  } finally {
    await stopAll(server, clients);
  }
  return { checkpoints: measured, fillRefusals };
}
