import { describe, expect, it } from 'vitest';
import { issueTicket } from './issue-commands';
import type { TicketChannel } from './ticket';
import { SETTINGS } from './testing/test-booking';
import { at, makeBuilding, makeService } from './testing/test-building';
import { codeOf, TestQueue } from './testing/test-queue';

// Walk-in tickets of a service that takes bookings: refused in its online-only hours (but
// staff may still issue), and held to the quota left beside the places offered online.
const building = makeBuilding({
  services: [
    makeService('ktp', {
      prefix: 'A',
      booking: { ...SETTINGS, onlineOnly: [{ open: '08:00', close: '10:00' }] },
    }),
    // 25 places online (10 + 10 + 5): 2 left for walk-ins.
    makeService('kk', { prefix: 'B', dailyQuota: 27, booking: SETTINGS }),
    makeService('akta', { prefix: 'C', dailyQuota: 2 }),
  ],
});

describe('walk-ins beside online bookings', () => {
  it.each<[string, string, string, TicketChannel, string]>([
    ['a kiosk in online-only hours', 'ktp', '09:00', 'kiosk', 'online_only'],
    ['an integration in online-only hours', 'ktp', '08:00', 'api', 'online_only'],
    ['staff in online-only hours', 'ktp', '09:00', 'staff', 'ok'],
    ['a kiosk when online-only hours end', 'ktp', '10:00', 'kiosk', 'ok'],
    ['a kiosk before online-only hours', 'ktp', '07:59', 'kiosk', 'service_closed'],
  ])(
    'when %s (%s at %s, %s) asks, then issuing gives %s',
    (_case, serviceId, time, channel, code) => {
      const queue = new TestQueue(building, at(time));
      const result = queue.run((ctx) => issueTicket(ctx, queue.request(serviceId, { channel })));
      expect(codeOf(result)).toBe(code);
    },
  );

  it('when the online-only refusal is given, then it says until when, as data too', () => {
    const queue = new TestQueue(building, at('09:00'));
    const result = queue.run((ctx) => issueTicket(ctx, queue.request('ktp', { channel: 'kiosk' })));
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'online_only',
      message: expect.stringContaining('10:00'),
      detail: { time: '10:00' },
    });
  });

  it.each([
    ['a booked service: 2 walk-ins of 27', 'kk', 2],
    ['a service without bookings: its whole quota', 'akta', 2],
  ])('when %s are issued, then the next walk-in is refused', (_case, serviceId, quota) => {
    const queue = new TestQueue(building, at('11:00'));
    for (let i = 0; i < quota; i++)
      expect(codeOf(queue.run((ctx) => issueTicket(ctx, queue.request(serviceId))))).toBe('ok');
    expect(codeOf(queue.run((ctx) => issueTicket(ctx, queue.request(serviceId))))).toBe(
      'quota_reached',
    );
  });
});
