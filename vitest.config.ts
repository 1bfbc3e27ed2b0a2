import { defineConfig } from 'vitest/config';

// API suites run once on embedded PGlite and, when TEST_DATABASE_URL is set, again on PostgreSQL.
const apiOn = (engine: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name: `api-${engine}`,
    include: ['src/**/*.api.test.ts', 'test/**/*.api.test.ts'],
    env: { TEST_DB: engine },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.unit.test.ts'], exclude: ['**/*.api.test.ts', '**/node_modules/**'] } },
      apiOn('pglite'),
      ...(process.env.TEST_DATABASE_URL ? [apiOn('postgres')] : []),
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.browser.test.ts'], globalSetup: ['test/browser/global-setup.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
