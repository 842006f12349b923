import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The TLS oracle runs on its own (vitest.oracle.config.mts, npm run test:oracle).
    exclude: ['test/oracle/**', 'node_modules/**'],
    setupFiles: ['test/harness/setup.ts'],
    // The rule suites create many RuleTester instances; forks keep memory per file bounded.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
