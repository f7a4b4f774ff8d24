import { describe, expect, it } from 'vitest';
import { loadShellConfig, parseShellConfig, printerFromArgument, startUrl } from './config';

const files: Record<string, string> = {
  '/etc/antre/kiosk.json': JSON.stringify({
    app: 'kiosk',
    hubUrl: 'http://192.168.1.10:8080/kiosk',
    deviceToken: 'dev-123',
    printer: { kind: 'tcp', host: '192.168.1.50' },
    paperWidth: 58,
    model: 'generic',
  }),
  '/broken.json': '{ app: kiosk',
};
const read = (path: string): string | null => files[path] ?? null;

describe('shell config', () => {
  it('reads the file and keeps only the hub origin', () => {
    expect(loadShellConfig(['--config', '/etc/antre/kiosk.json'], read, '/none')).toEqual({
      ok: true,
      value: {
        app: 'kiosk',
        hubUrl: 'http://192.168.1.10:8080',
        deviceToken: 'dev-123',
        printer: { kind: 'tcp', host: '192.168.1.50' },
        paperWidth: 58,
        model: 'generic',
      },
    });
  });

  it('When flags are given, then they override the file', () => {
    const loaded = loadShellConfig(
      [
        '--config=/etc/antre/kiosk.json',
        '--paper-width',
        '80',
        '--printer=device:/dev/usb/lp0',
        '--app',
        'display',
      ],
      read,
      '/none',
    );
    expect(loaded.ok && loaded.value).toMatchObject({
      app: 'display',
      paperWidth: 80,
      printer: { kind: 'device', path: '/dev/usb/lp0' },
    });
  });

  it('works from flags alone with defaults for paper and model', () => {
    const loaded = loadShellConfig(
      ['--app', 'counter', '--hub-url', 'https://antre.mpp.local'],
      read,
      '/none',
    );
    expect(loaded).toEqual({
      ok: true,
      value: { app: 'counter', hubUrl: 'https://antre.mpp.local', paperWidth: 80, model: 'epson' },
    });
  });

  it("When a cluster's hubs are listed, then each is kept as an origin, the first as hubUrl", () => {
    const fromFlag = loadShellConfig(
      ['--app', 'kiosk', '--hub-url', 'http://10.0.0.1:8080/kiosk, http://10.0.0.2:8080'],
      read,
      '/none',
    );
    expect(fromFlag.ok && fromFlag.value).toMatchObject({
      hubUrl: 'http://10.0.0.1:8080',
      hubUrls: ['http://10.0.0.2:8080'],
    });
    const fromFile = parseShellConfig({
      app: 'display',
      hubUrl: 'http://10.0.0.1:8080',
      hubUrls: ['http://10.0.0.2:8080/x', 'http://10.0.0.1:8080', 'http://10.0.0.3:8080'],
    });
    expect(fromFile.ok && fromFile.value.hubUrls).toEqual([
      'http://10.0.0.2:8080',
      'http://10.0.0.3:8080',
    ]);
    expect(fromFile.ok && startUrl(fromFile.value, 'http://10.0.0.3:8080')).toBe(
      'http://10.0.0.3:8080/display/',
    );
    // One hub: no list at all, as before.
    const single = parseShellConfig({ app: 'kiosk', hubUrl: 'http://10.0.0.1:8080' });
    expect(single.ok && 'hubUrls' in single.value).toBe(false);
  });

  it.each([
    [{ app: 'kiosk', hubUrl: 'http://hub', hubUrls: 'http://other' }, '"hubUrls"'],
    [{ app: 'kiosk', hubUrl: 'http://hub', hubUrls: ['ftp://other'] }, '"hubUrls"'],
    [{ app: 'kiosk', hubUrl: 'http://hub,file:///etc' }, '"hubUrls"'],
    [{ app: 'tv', hubUrl: 'http://hub' }, '"app"'],
    [{ app: 'kiosk', hubUrl: 'file:///etc/passwd' }, '"hubUrl"'],
    [{ app: 'kiosk', hubUrl: 'javascript:alert(1)' }, '"hubUrl"'],
    [{ app: 'kiosk', hubUrl: 'http://hub', paperWidth: 76 }, '"paperWidth"'],
    [{ app: 'kiosk', hubUrl: 'http://hub', model: 'star' }, '"model"'],
    [
      { app: 'kiosk', hubUrl: 'http://hub', printer: { kind: 'tcp', host: 'p', port: 0 } },
      '"printer"',
    ],
    [{ app: 'kiosk', hubUrl: 'http://hub', printer: { kind: 'serial' } }, '"printer"'],
    [{ app: 'kiosk', hubUrl: 'http://hub', deviceToken: '' }, '"deviceToken"'],
    ['kiosk', 'not a JSON object'],
  ])('refuses %j, naming %s', (input, named) => {
    const parsed = parseShellConfig(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(named);
  });

  it('When the config file is unreadable or not JSON, then it says which file', () => {
    expect(loadShellConfig(['--config', '/missing.json'], read, '/none')).toEqual({
      ok: false,
      error: 'cannot read /missing.json',
    });
    expect(loadShellConfig(['--config', '/broken.json'], read, '/none')).toEqual({
      ok: false,
      error: '/broken.json is not valid JSON',
    });
  });

  it.each([
    ['tcp://10.0.0.5:9100', { kind: 'tcp', host: '10.0.0.5', port: 9100 }],
    ['tcp://printer.local', { kind: 'tcp', host: 'printer.local' }],
    ['device:/dev/usb/lp0', { kind: 'device', path: '/dev/usb/lp0' }],
    ['virtual:/var/lib/antre/printed', { kind: 'virtual', dir: '/var/lib/antre/printed' }],
    ['os:EPSON TM-T82 Receipt', { kind: 'os', name: 'EPSON TM-T82 Receipt' }],
    ['usb:04b8:0e28', { kind: 'usb', vendorId: 0x04b8, productId: 0x0e28 }],
    ['usb:4b8:e28', null],
    ['os:', null],
    ['lp0', null],
  ])('reads the printer flag %s', (flag, printer) => {
    expect(printerFromArgument(flag)).toEqual(printer);
  });

  it.each([
    [{ kind: 'os', name: 'POS-58' }, true],
    [{ kind: 'usb', vendorId: 0x0416, productId: 0x5011 }, true],
    [{ kind: 'usb', vendorId: 0x0416 }, false],
    [{ kind: 'usb', vendorId: 70000, productId: 1 }, false],
    [{ kind: 'os', name: '' }, false],
  ])('When the printer is %j, then the config is accepted: %s', (printer, ok) => {
    const parsed = parseShellConfig({ app: 'kiosk', hubUrl: 'http://10.0.0.2:8080', printer });
    expect(parsed.ok).toBe(ok);
    if (!parsed.ok) expect(parsed.error).toContain('{kind:"os",name}');
  });

  it('opens the app on the hub, with the device token for the first start', () => {
    const base = { hubUrl: 'http://192.168.1.10:8080', paperWidth: 80, model: 'epson' } as const;
    expect(startUrl({ ...base, app: 'kiosk', deviceToken: 'a b&c' })).toBe(
      'http://192.168.1.10:8080/kiosk/?token=a+b%26c',
    );
    expect(startUrl({ ...base, app: 'display' })).toBe('http://192.168.1.10:8080/display/');
  });
});
