import { defineConfig } from 'vitest/config';

// End-to-end: the built browser host + Debian's Chromium driven by playwright-core.
// One file at a time: each spec starts its own host on a copy of the demo database.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
