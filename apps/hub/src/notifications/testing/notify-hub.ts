import type { Building } from '@antre/domain';
import { afterAll, beforeAll } from 'vitest';
import type { TestHub } from '../../testing/test-hub';
import { startTestHub } from '../../testing/test-hub';
import type { FakeProvider } from './fake-provider';
import { startFakeProvider } from './fake-provider';

export interface NotifyHub {
  hub: TestHub;
  fake: FakeProvider;
  admin: string;
  building: Building;
}

/**
 * One hub for a test file with notifications that act within milliseconds (outbox polled
 * every 20 ms, alarms checked every 50 ms, quick retries), a fake provider beside it and the
 * admin signed in. The fields are filled before the first case and closed after the last.
 */
export function notifyHubForFile(): NotifyHub {
  const shared = {} as NotifyHub;
  beforeAll(async () => {
    shared.hub = await startTestHub(undefined, {
      tickMs: 50,
      notify: { pollMs: 20, alarmEveryMs: 50, backoffBaseMs: 50, attemptTimeoutMs: 1_000 },
    });
    shared.fake = await startFakeProvider();
    shared.admin = await shared.hub.login('admin');
    shared.building = (await shared.hub.api('/api/building', { token: shared.admin }))
      .body as unknown as Building;
  });
  afterAll(async () => {
    await shared.hub?.close();
    await shared.fake?.close();
  });
  return shared;
}
