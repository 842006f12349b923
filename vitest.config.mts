import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/harness/setup.ts'],
    // The rule suites create many RuleTester instances; forks keep memory per file bounded.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
