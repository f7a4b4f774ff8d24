import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestHub } from './testing/test-hub';
import { startTestHub, until } from './testing/test-hub';

let hub: TestHub;
beforeEach(async () => {
  hub = await startTestHub();
});
afterEach(async () => hub.close());

describe('a counter on a flaky network', () => {
  it('when the connection drops before a command is sent, then it is sent after reconnecting and runs once', async () => {
    const officer = await hub.client(await hub.login('petugas.disdukcapil'));
    officer.socket.io.engine.close(); // the network goes; socket.io reconnects by itself
    await until(() => officer.connection === 'offline');
    const pending = officer.command(
      'ticket:issue',
      { serviceId: 'disdukcapil-ktp-el', priority: null },
      'flaky-issue-0001',
    );
    const result = await pending;
    expect(result.ok).toBe(true);
    const again = await officer.command(
      'ticket:issue',
      { serviceId: 'disdukcapil-ktp-el', priority: null },
      'flaky-issue-0001',
    );
    expect(again).toEqual(result);
    await until(() => officer.state.tickets.size === 1);
    expect(officer.connection).toBe('online');
  });

  it('when a delta is missed, then the client notices the gap and re-syncs to the hub', async () => {
    const officer = await hub.client(await hub.login('petugas.disdukcapil'));
    const staff = await hub.client(await hub.login('spv.disdukcapil'));
    await until(() => officer.state.hubEpoch !== null);
    const handlers = [...officer.socket.listeners('sync:delta')]; // a copy: off() edits the live list
    handlers.forEach((h) => officer.socket.off('sync:delta', h));
    let seen = 0;
    const spy = (): void => void (seen += 1);
    officer.socket.on('sync:delta', spy);
    await staff.command('ticket:issue', { serviceId: 'disdukcapil-ktp-el', priority: null });
    await until(() => seen === 1); // the client's own handler never saw this one
    officer.socket.off('sync:delta', spy);
    handlers.forEach((h) => officer.socket.on('sync:delta', h));
    expect(officer.state.tickets.size).toBe(0);

    await staff.command('ticket:issue', { serviceId: 'disdukcapil-ktp-el', priority: null });
    await until(() => officer.state.tickets.size === 2);
    expect([...officer.state.tickets.values()].map((t) => t.number).sort()).toEqual([1, 2]);
  });

  it('when a request body is larger than the hub accepts, then it gets 413 and the hub keeps serving', async () => {
    const response = await hub.api('/api/auth/login', {
      body: { username: 'admin', password: 'x'.repeat(300 * 1024) },
    });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect((await hub.api('/api/health')).status).toBe(200);
  });
});
