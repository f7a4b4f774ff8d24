// npm test: the whole suite, ending with one plain line "N passed, N failed" for CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { binPath, ensureInstalled, ROOT } from './bootstrap.mjs';
import { ensureChromium } from './find-chromium.mjs';
import { ensurePostgres } from './find-postgres.mjs';

ensureInstalled();
// Every browser test launches the Chromium found here (apps/hub/src/testing/browser.ts).
process.env.CHROMIUM_PATH = ensureChromium();
// Every PostgreSQL test starts its own server from these programs (apps/hub/src/testing/pg-cluster.ts).
process.env.ANTRE_PG_BIN = ensurePostgres();
const outDir = join(ROOT, '.test-results');
mkdirSync(outDir, { recursive: true });
const report = join(outDir, 'vitest.json');
rmSync(report, { force: true });
const run = spawnSync(
  binPath('vitest'),
  [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' },
);
let passed = 0;
let failed = 0;
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0);
} catch {
  failed = Math.max(failed, 1);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
