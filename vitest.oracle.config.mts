import { defineConfig } from 'vitest/config';

// The TLS oracle (test/oracle): real clients against loopback servers. Its own run, because the
// workers must start with NODE_EXTRA_CA_CERTS naming a CA made by the global setup.
export default defineConfig({
  test: {
    include: ['test/oracle/**/*.test.ts'],
    globalSetup: ['test/oracle/global-setup.ts'],
    pool: 'forks',
    // Cases wait on sockets, not on the CPU.
    maxConcurrency: 24,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
