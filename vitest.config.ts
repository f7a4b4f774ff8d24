import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['scripts/testing/build-apps.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'antre',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/*/src/**/*.test.ts',
            'apps/*/src/**/*.test.tsx',
            'packages/*/src/**/*.test.tsx',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        // The hub's tests again with every test hub on PostgreSQL (testing/test-hub.ts). Left
        // out: what already runs on both engines (the contract tests, the cluster's) and what is
        // SQLite's by nature (the file, its WAL, backups and restores, migrations). Tests that
        // check what the hub saved read it through the test hub's `sql`, on either engine.
        extends: true,
        test: {
          name: 'hub-on-postgres',
          include: ['apps/hub/src/**/*.test.ts'],
          exclude: [
            '**/*.contract.test.ts',
            'apps/hub/src/cluster/**',
            'apps/hub/src/region/**',
            'apps/hub/src/db/**',
            'apps/hub/src/backup/**',
          ],
          env: { ANTRE_TEST_DATABASE: 'postgres' },
          globalSetup: ['scripts/testing/postgres.setup.ts'],
        },
      },
    ],
  },
});
