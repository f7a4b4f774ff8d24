import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.tsx',
      'packages/*/src/**/*.test.tsx',
      'scripts/**/*.test.ts',
    ],
    globalSetup: ['scripts/testing/build-apps.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
