import { defineConfig } from 'vitest/config';

// Real-browser tests against the built extension (.output/chrome-mv3). One file at a time:
// each launches its own Chromium, and the CI machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
