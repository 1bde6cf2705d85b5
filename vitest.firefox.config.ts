import { defineConfig } from 'vitest/config';

// Real-Firefox tests against the built Firefox extension (.output/firefox-mv2), driven over
// WebDriver BiDi. One file at a time, one firefox-esr per file: the CI machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
