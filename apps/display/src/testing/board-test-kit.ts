// For the display's tests only: boards as registered devices, and officers making calls.
import type { HubClient } from '@antre/client';
import type { Building } from '@antre/domain';
import type { TestHub } from '@antre/hub/testing';
import type { DisplaySettings } from '@antre/protocol';
import type { Page } from 'playwright-core';
import type { AnnouncementRecord } from '../announcements';

// Signing in is slow on purpose (scrypt): one admin session per hub serves every helper.
const adminTokens = new WeakMap<TestHub, Promise<string>>();
export function adminToken(hub: TestHub): Promise<string> {
  let token = adminTokens.get(hub);
  if (!token) adminTokens.set(hub, (token = hub.login('admin')));
  return token;
}

// Device names are unique among devices in use: each board made here gets its own number.
let boardsMade = 0;

/** A display device of these zones with these settings; returns its one-time link. */
export async function boardLink(
  hub: TestHub,
  zoneIds: string[],
  settings: Partial<DisplaySettings> = {},
): Promise<string> {
  const token = await adminToken(hub);
  const { status, body } = await hub.api('/api/devices', {
    token,
    body: {
      name: `Papan ${zoneIds.join('+')} ${++boardsMade}`,
      role: 'display',
      zoneIds,
      settings,
    },
  });
  if (status !== 201) throw new Error(`device: ${JSON.stringify(body)}`);
  return `${hub.url}/display/?token=${String(body.token)}`;
}

/** The building admin calling at chosen counters (an admin may act at any), one new ticket per call. */
export async function createCaller(hub: TestHub) {
  const token = await adminToken(hub);
  const building = (await hub.api('/api/building', { token })).body as unknown as Building;
  const client = await hub.client(token);
  const opened = new Set<string>();
  const holding = new Set<string>();

  async function command(name: Parameters<HubClient['command']>[0], counterId: string) {
    const result = await client.command(name, { counterId } as never);
    if (!result.ok) throw new Error(`${name} ${counterId}: ${result.error.message}`);
    return result.value;
  }

  return {
    building,
    counter(id: string) {
      const counter = building.counters.find((c) => c.id === id);
      if (!counter) throw new Error(`no counter ${id}`);
      return counter;
    },
    /** Calls the next waiting ticket at the counter (opening it first); returns its label. */
    async callNext(counterId: string): Promise<string> {
      if (!opened.has(counterId)) {
        await command('counter:open', counterId);
        opened.add(counterId);
      }
      if (holding.has(counterId)) await command('counter:start', counterId);
      const ack = await command('counter:call-next', counterId);
      holding.add(counterId);
      // With "serving starts on call" (the demo's choice) the ticket is serving at once.
      const called = ack.tickets.find((t) => t.status === 'called' || t.status === 'serving');
      if (!called) throw new Error(`nothing called at ${counterId}`);
      return called.label;
    },
    /** Issues a ticket (for the counter's first service unless named) and calls it there; returns its label. */
    async call(counterId: string, serviceId?: string): Promise<string> {
      const label = await this.issue(serviceId ?? this.counter(counterId).services[0]!.serviceId);
      const called = await this.callNext(counterId);
      if (called !== label) throw new Error(`called ${called} not ${label}`);
      return called;
    },
    async recall(counterId: string): Promise<void> {
      await command('counter:recall', counterId);
    },
    /** Issues a ticket that waits (nobody calls it). */
    async issue(serviceId: string): Promise<string> {
      const issued = await hub.api('/api/tickets', { token, body: { serviceId } });
      if (issued.status !== 201) throw new Error(`issue: ${JSON.stringify(issued.body)}`);
      return String(issued.body.label);
    },
    /** Ends what the counter holds: finished, no-show, or sent to another service. */
    async release(
      counterId: string,
      how: { finish: true } | { noShow: true } | { transferTo: string },
    ): Promise<void> {
      const result =
        'transferTo' in how
          ? await client.command('counter:transfer', {
              counterId,
              toServiceId: how.transferTo,
            } as never)
          : await client.command('noShow' in how ? 'counter:no-show' : 'counter:finish', {
              counterId,
            } as never);
      if (!result.ok) throw new Error(`release ${counterId}: ${result.error.message}`);
      holding.delete(counterId);
    },
  };
}

export const announcementsOf = (page: Page): Promise<AnnouncementRecord[]> =>
  page.evaluate(() => window.__antreAnnouncements ?? []);

export const latestNumber = (page: Page): Promise<string | null> =>
  page.getByTestId('latest-number').textContent({ timeout: 5_000 });

export const recentLabels = (page: Page): Promise<string[]> =>
  page.locator('.recent-label').allTextContents();
