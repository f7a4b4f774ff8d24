import type { Site } from '@antre/domain';
import type { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { SeenAddress } from './public-address';
import { lanAddress, publicHubUrl } from './public-address';

const site: Site = {
  name: 'MPP Uji',
  timezone: 'WIB',
  hours: {},
  holidays: [],
  fridayPrayerBreak: null,
  noShowRequeueMinutes: 30,
  recallsBeforeNoShow: 1,
  autoServeOnCall: false,
  expireAfterCloseMinutes: 60,
};
const seen = (host: string | undefined, port?: number, scheme: 'http' | 'https' = 'http') =>
  ({ scheme, host, port }) satisfies SeenAddress;

describe('publicHubUrl: the origin in a ticket QR', () => {
  it.each([
    [
      'the admin set one',
      { ...site, publicUrl: 'https://antre.go.id/' },
      seen('127.0.0.1:8080', 8080),
      '10.0.0.5',
      'https://antre.go.id',
    ],
    [
      'a kiosk on 127.0.0.1',
      site,
      seen('127.0.0.1:8080', 8080),
      '10.0.0.5',
      'http://10.0.0.5:8080',
    ],
    [
      'a kiosk on localhost',
      site,
      seen('localhost:9000', 9000),
      '10.0.0.5',
      'http://10.0.0.5:9000',
    ],
    ['a kiosk on [::1]', site, seen('[::1]:8080', 8080), '10.0.0.5', 'http://10.0.0.5:8080'],
    [
      'https on its default port',
      site,
      seen('localhost', 443, 'https'),
      '10.0.0.5',
      'https://10.0.0.5',
    ],
    [
      'a kiosk on the LAN itself',
      site,
      seen('192.168.1.10:8080', 8080),
      '10.0.0.5',
      'http://192.168.1.10:8080',
    ],
    ['no network card at all', site, seen('127.0.0.1:8080', 8080), null, 'http://127.0.0.1:8080'],
  ])('when %s', (_case, s, how, lan, expected) => {
    expect(publicHubUrl(s, how, lan)).toBe(expected);
  });

  it('when the machine has only loopback and a LAN card, then the LAN card is the address', () => {
    type Card = NonNullable<ReturnType<typeof networkInterfaces>[string]>[number];
    const card = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) =>
      ({ address, family, internal, netmask: '', mac: '', cidr: null }) as Card;
    const lo = card('127.0.0.1', 'IPv4', true);
    expect(
      lanAddress({
        lo: [lo],
        eth0: [card('fe80::1', 'IPv6', false), card('192.168.1.10', 'IPv4', false)],
      }),
    ).toBe('192.168.1.10');
    expect(lanAddress({ lo: [lo] })).toBeNull();
  });
});
