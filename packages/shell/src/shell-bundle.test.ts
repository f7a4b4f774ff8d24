import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FakePrinter } from '@antre/escpos/testing';
import { decodeEscPos, sampleTicket, startFakePrinter } from '@antre/escpos/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeElectron } from './testing/fake-electron';

const SHELL_DIR = fileURLToPath(new URL('..', import.meta.url));
const outdir = mkdtempSync(join(tmpdir(), 'antre-shell-dist-'));
const HUB = 'http://127.0.0.1:8080';

/** Runs a CommonJS bundle the way Electron would, with a fake `electron` module. */
function runBundle(file: string, electron: unknown, argv: string[]): string[] {
  const required: string[] = [];
  const nodeRequire = createRequire(file);
  const require = (id: string) => {
    required.push(id);
    return id === 'electron' ? electron : nodeRequire(id);
  };
  const process = Object.create(globalThis.process, { argv: { value: argv } });
  const module = { exports: {} };
  const run = new Function(
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'process',
    readFileSync(file, 'utf8'),
  );
  run(require, module, module.exports, outdir, file, process);
  return required;
}

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['build.mjs', `--outdir=${outdir}`], {
    cwd: SHELL_DIR,
  });
}, 60_000);

describe('the built shell', () => {
  it('bundles main and preload into CommonJS files', () => {
    expect(existsSync(join(outdir, 'main.cjs'))).toBe(true);
    expect(existsSync(join(outdir, 'preload.cjs'))).toBe(true);
  });

  it('When the preload runs, then the page gets antreShell and nothing else', async () => {
    const { electron, recorded } = fakeElectron();
    const required = runBundle(join(outdir, 'preload.cjs'), electron, [
      'electron',
      '--antre-shell-kind=kiosk',
      '--antre-shell-version=1.2.3',
    ]);
    expect(required).toEqual(['electron']);
    expect([...recorded.exposed.keys()]).toEqual(['antreShell']);
    const bridge = recorded.exposed.get('antreShell') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['kind', 'print', 'printerStatus', 'version']);
    expect(bridge).toMatchObject({ kind: 'kiosk', version: '1.2.3' });
    await (bridge.print as (t: unknown, template?: string) => Promise<unknown>)(
      { label: 'A-001' },
      '{{label}}',
    );
    await (bridge.printerStatus as () => Promise<unknown>)();
    expect(recorded.invoked).toEqual([
      ['antre-shell:print', { label: 'A-001' }, '{{label}}'],
      ['antre-shell:printer-status'],
    ]);
  });
});

describe('the built main process, on a fake Electron', () => {
  let fake: FakePrinter;
  const { electron, recorded } = fakeElectron();
  let required: string[] = [];
  beforeAll(async () => {
    fake = await startFakePrinter();
    required = runBundle(join(outdir, 'main.cjs'), electron, [
      'electron',
      'main.cjs',
      '--app=kiosk',
      `--hub-url=${HUB}`,
      `--printer=tcp://127.0.0.1:${fake.port}`,
    ]);
    await new Promise((resolve) => setImmediate(resolve)); // whenReady's continuation
  });
  afterAll(() => fake.close());
  const window = () => recorded.windows[0]!;

  it('opens one locked-down, full-screen window on the kiosk app', () => {
    expect(recorded.windows).toHaveLength(1);
    expect(window().options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        devTools: false,
        autoplayPolicy: 'no-user-gesture-required',
        preload: join(outdir, 'preload.cjs'),
        additionalArguments: ['--antre-shell-kind=kiosk', '--antre-shell-version=9.9.9'],
      },
    });
    expect(recorded.applicationMenu).toBeNull();
    expect(recorded.switches).toContainEqual(['autoplay-policy', 'no-user-gesture-required']);
    expect(window().webContents.loaded).toEqual([`${HUB}/kiosk/`]);
  });

  it('When no USB printer is configured, then the native usb module is never loaded', () => {
    expect(required).not.toContain('usb');
    // …and it stays outside the bundle, loaded from node_modules where one is configured.
    expect(readFileSync(join(outdir, 'main.cjs'), 'utf8')).toMatch(/import\("usb"\)/);
  });

  it('keeps navigation on the hub and opens no windows', () => {
    const contents = window().webContents;
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length === 0;
    };
    expect(navigate(`${HUB}/t/AB12CD34`)).toBe(true);
    expect(navigate('https://evil.example/')).toBe(false);
    expect(contents.windowOpenHandler?.({ url: `${HUB}/kiosk/` })).toEqual({ action: 'deny' });
  });

  it('replaces the CSP header on hub responses and denies permissions', () => {
    const callback = vi.fn();
    recorded.headersListener?.(
      { url: `${HUB}/kiosk/`, responseHeaders: { 'content-security-policy': ['*'], 'x-a': ['1'] } },
      callback,
    );
    const headers = callback.mock.calls[0]?.[0].responseHeaders;
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Security-Policy'][0]).toContain("script-src 'self'");
    expect(headers['x-a']).toEqual(['1']);
    const granted = vi.fn();
    recorded.permissionRequest?.({}, 'geolocation', granted, { requestingUrl: `${HUB}/kiosk/` });
    expect(granted).toHaveBeenCalledWith(false);
  });

  it('prints through IPC for the hub page, and refuses any other sender', async () => {
    const print = recorded.handlers.get('antre-shell:print')!;
    const mainFrame = { url: `${HUB}/kiosk/` };
    const trusted = { sender: { mainFrame }, senderFrame: mainFrame };
    await expect(print(trusted, sampleTicket({ label: 'C-007' }))).resolves.toEqual({ ok: true });
    expect(decodeEscPos(fake.received()).largestText).toBe('C-007');
    // The admin's template travels with the ticket.
    await expect(
      print(trusted, sampleTicket({ label: 'C-008' }), '{{label}}\nLoket ramah lansia'),
    ).resolves.toEqual({ ok: true });
    expect(decodeEscPos(fake.jobs()[1]!).lines).toContain('Loket ramah lansia');

    const evilFrame = { url: 'https://evil.example/' };
    expect(() =>
      print({ sender: { mainFrame: evilFrame }, senderFrame: evilFrame }, sampleTicket()),
    ).toThrow('refused');
    const iframe = { url: `${HUB}/kiosk/` };
    expect(() => print({ sender: { mainFrame }, senderFrame: iframe }, sampleTicket())).toThrow(
      'refused',
    );
    expect(fake.jobs()).toHaveLength(2);
  });

  it('When the renderer hangs and does not recover, then it is ended so that it reloads', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const contents = window().webContents;
      window().emit('unresponsive');
      vi.advanceTimersByTime(10_000);
      window().emit('responsive'); // a long pause, not a hang
      vi.advanceTimersByTime(60_000);
      expect(contents.crashedOnPurpose).toBe(0);
      window().emit('unresponsive');
      vi.advanceTimersByTime(15_000);
      expect(contents.crashedOnPurpose).toBe(1);
      window().emit('unresponsive'); // hangs again after the reload
      vi.advanceTimersByTime(15_000);
      expect(contents.crashedOnPurpose).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('When the renderer crashes, then the app is loaded again after a delay', () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const contents = window().webContents;
      contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
      expect(contents.loaded).toHaveLength(1);
      vi.advanceTimersByTime(2_000);
      expect(contents.loaded).toEqual([`${HUB}/kiosk/`, `${HUB}/kiosk/`]);
    } finally {
      vi.useRealTimers();
    }
  });
});
