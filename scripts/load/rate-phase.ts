// The rate phases: the most calls a second the hub (phase `rate`) or the baseline (phase
// `baseline-rate`) sustains with call→display p99 ≤ 100 ms. The same 270 clients; the call
// rate climbs by ~√2 a step, each step a few seconds of calls paced inside the two counter
// workers (a 5 ms timer, every counter in turn), with enough tickets issued before the step
// that every call finds one waiting. The ramp stops at the first rate that did not hold in
// two tries: p99 over the limit, a call refused, a delivery missing, or the workers unable
// to send at the rate (scale-table.ts: stepShortfall).
import type { ManyDone } from './client-worker';
import type { Message } from './rig';
import {
  ask,
  DISPLAYS_PER_ZONE,
  SERVICE_IDS,
  sleep,
  startClients,
  startServer,
  stopAll,
} from './rig';
import { FILL_LANES } from './scale-phase';
import type { RateResult, RateStep } from './scale-table';
import { stepShortfall } from './scale-table';

/**
 * Calls per second, ~√2 apart. The hub allows a counter's socket 10 events a second
 * (realtime/event-limits.ts): with 200 counters it refuses calls past 2,000 a second, so
 * the ramp ends below that; a hub that holds the last step holds at least that much.
 */
export const RATE_STEPS = [25, 35, 50, 70, 100, 140, 200, 280, 400, 560, 800, 1120, 1600];
const STEP_SECONDS = 3;
/** Tickets waiting before a step: its calls and a margin (~5 an agency, and a tenth). */
const waitingFor = (rate: number): number => Math.ceil(rate * STEP_SECONDS * 1.1) + 100;

/** A step that did not hold is tried again once: on 2 shared cores one stall can sink a p99. */
const ATTEMPTS = 2;
/** A pause after issuing, so a step does not start amid the tickets' own deliveries. */
const SETTLE_MS = 1000;
/** How long after a step's last answer its deliveries may still come. */
const DELIVERY_GRACE_MS = 2000;

export async function runRate(hubProcess: string, baseline: boolean): Promise<RateResult> {
  const server = await startServer(hubProcess, baseline);
  // At hundreds of calls a second, one message per delivery would load the parent.
  const clients = await startClients(server, { seenBatchMs: 20 });
  const { kiosks, counterA, counterB } = clients;
  let issued = 0;
  let waiting = 0;
  let stepCalls: Message[] = [];
  const seen = new Map<string, number[]>();
  const saw = (ticketId: string, at: number): void => {
    const list = seen.get(ticketId);
    if (list) list.push(at);
    else seen.set(ticketId, [at]);
  };
  for (const worker of clients.all) {
    worker.on('message', (m: Message) => {
      if (m.type === 'called') stepCalls.push(m);
      if (m.type === 'seen') saw(m.ticketId as string, m.at as number);
      if (m.type === 'seen-many') for (const [id, at] of m.seen as [string, number][]) saw(id, at);
    });
  }

  async function runStep(rate: number, attempt: number): Promise<RateStep> {
    const missing = waitingFor(rate) - waiting;
    if (missing > 0) {
      const tickets = (await ask(
        kiosks,
        {
          type: 'issue-many',
          count: missing,
          lanes: FILL_LANES,
          serviceIds: SERVICE_IDS,
          from: issued,
        },
        'issued-many',
      )) as unknown as ManyDone;
      issued += tickets.ok;
      waiting += tickets.ok;
      await ask(kiosks, { type: 'close-lanes' }, 'lanes-closed');
    }
    await sleep(SETTLE_MS);
    stepCalls = [];
    seen.clear();
    server.hub.send({ type: 'reset-lag' });
    // Counters 1–100 and 101–200 each take half the rate.
    const done = await Promise.all(
      [counterA, counterB].map((w) =>
        ask(w, { type: 'call-rate', rate: rate / 2, seconds: STEP_SECONDS }, 'call-rate-done'),
      ),
    );
    const answered = stepCalls.filter((c) => c.ok && c.ticketId);
    const expected = answered.length * DISPLAYS_PER_ZONE;
    const delivered = (): number =>
      answered.reduce((n, c) => n + (seen.get(c.ticketId as string)?.length ?? 0), 0);
    const graceEnd = Date.now() + DELIVERY_GRACE_MS;
    while (delivered() < expected && Date.now() < graceEnd) await sleep(50);
    await sleep(50); // a last batch of 'seen'
    const stats = await server.stats();
    waiting -= answered.length;
    const errors: Record<string, number> = {};
    for (const c of stepCalls)
      if (!(c.ok && c.ticketId)) errors[String(c.error)] = (errors[String(c.error)] ?? 0) + 1;
    return {
      rate,
      attempt,
      sent: done.reduce((n, d) => n + (d.sent as number), 0),
      spanMs: Math.max(...done.map((d) => d.spanMs as number)),
      failed: stepCalls.length - answered.length,
      errors,
      delivered: delivered(),
      expected,
      latencies: answered.flatMap((c) =>
        (seen.get(c.ticketId as string) ?? []).map((at) => at - (c.sentAt as number)),
      ),
      lagP99: stats.lagP99,
    };
  }

  const steps: RateStep[] = [];
  try {
    ramp: for (const rate of RATE_STEPS) {
      for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
        const step = await runStep(rate, attempt);
        steps.push(step);
        const shortfall = stepShortfall(step);
        console.log(
          `${baseline ? 'baseline-rate' : 'rate'}: ${rate} calls/s ${shortfall ? `did not hold (${shortfall})` : 'held'}${attempt > 1 ? ` at attempt ${attempt}` : ''}`,
        );
        if (!shortfall) continue ramp;
      }
      break;
    }
  } finally {
    await stopAll(server, clients);
  }
  return { side: baseline ? 'baseline' : 'hub', steps };
}
