import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { findChromium } from './find-chromium.mjs';

const find = findChromium as () => string | null;
const saved = { PATH: process.env.PATH, CHROMIUM_PATH: process.env.CHROMIUM_PATH };
afterEach(() => {
  process.env.PATH = saved.PATH;
  if (saved.CHROMIUM_PATH === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved.CHROMIUM_PATH;
});

describe('finding a Chromium for the browser tests', () => {
  it('When a chromium is on PATH, then it is found there first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antre-path-'));
    const fake = join(dir, 'chromium-browser');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    delete process.env.CHROMIUM_PATH;
    process.env.PATH = dir;
    expect(find()).toBe(fake);
  });

  it('When CHROMIUM_PATH names a missing file, then nothing is found', () => {
    process.env.CHROMIUM_PATH = join(tmpdir(), 'no-such-chromium');
    expect(find()).toBeNull();
  });

  it('When CHROMIUM_PATH is wrong, then npm test stops with one message saying what to install', () => {
    const script = fileURLToPath(new URL('./find-chromium.mjs', import.meta.url));
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import(${JSON.stringify(script)}).then((m) => m.ensureChromium())`,
      ],
      { env: { ...process.env, CHROMIUM_PATH: '/no/such/chromium' }, encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('CHROMIUM_PATH is set to /no/such/chromium');
    expect(run.stderr).toContain('apt-get install chromium');
    expect(run.stdout).not.toContain('installing');
  });
});
