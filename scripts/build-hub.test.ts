import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { buildHub, HUB_BUNDLE, oneByteSource } from './build-hub.mjs';
// @ts-expect-error: a plain .mjs script without types
import { HUB_NODE_FLAGS } from './hub-node-flags.mjs';

const build = buildHub as (o: { force: boolean; quiet: boolean }) => Promise<void>;
let hub: ChildProcess;
let url: string;
const dataDir = mkdtempSync(join(tmpdir(), 'antre-bundle-'));

// What `npm start` runs: the bundle, started by plain Node with the hub's flags, with no
// TypeScript loader.
beforeAll(async () => {
  await build({ force: true, quiet: true });
  hub = spawn(
    process.execPath,
    [...(HUB_NODE_FLAGS as string[]), HUB_BUNDLE as string, '--port', '0', '--data-dir', dataDir],
    { env: { ...process.env, ANTRE_ADMIN_PASSWORD: 'bundle-admin-Pw-2026' } },
  );
  let output = '';
  url = await new Promise<string>((resolve, reject) => {
    hub.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const home = /Home\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (home?.[1]) resolve(home[1]);
    });
    hub.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    hub.on('exit', (code) => reject(new Error(`the bundled hub exited (${code}):\n${output}`)));
  });
}, 60_000);

afterAll(async () => {
  if (hub && hub.exitCode === null) {
    const exited = new Promise((resolve) => hub.once('exit', resolve));
    hub.kill();
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the hub bundle npm start runs', () => {
  it('when started by plain Node, then it migrates, seeds the demo and answers its health', async () => {
    const health = (await (await fetch(`${url}/api/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    const catalogue = (await (await fetch(`${url}/api/services`)).json()) as {
      agencies: unknown[];
    };
    expect(catalogue.agencies.length).toBeGreaterThan(3);
  });

  it('when files shipped beside the code are asked for, then the bundle finds them', async () => {
    const icon = await fetch(`${url}/favicon.svg`);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    const clip = await fetch(`${url}/api/audio/id/chime`);
    expect([clip.status, clip.headers.get('content-type')]).toEqual([200, 'audio/wav']);
    const admin = await fetch(`${url}/admin/`);
    expect(await admin.text()).toContain('<div id="root">');
  });

  it('when the bundle is read, then its source is ASCII: V8 holds it one byte a character', () => {
    expect(readFileSync(HUB_BUNDLE as string, 'utf8')).not.toMatch(/[\u0080-\uffff]/);
  });

  it('when a kept comment is not ASCII, then each UTF-16 unit becomes one "?", columns kept', () => {
    const toOneByte = oneByteSource as (code: string) => string;
    const code = '/** a…b, 0–1, \u{1F600} */ const x = "\\u2026";';
    expect(toOneByte(code)).toBe('/** a?b, 0?1, ?? */ const x = "\\u2026";');
    expect(toOneByte(code)).toHaveLength(code.length);
  });

  it('when the API description is asked for, then it is written on that first request', async () => {
    const document = (await (await fetch(`${url}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toContain('/api/health');
  });
});
