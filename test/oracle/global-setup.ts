/**
 * Makes the test certificates once per run and trusts their CA the way an application would:
 * NODE_EXTRA_CA_CERTS, read by Node at start-up, so it is set here, before vitest forks the
 * workers that run the clients.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { generateCerts } from './certs';

declare module 'vitest' {
  export interface ProvidedContext {
    oracleCertDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'backing-services-oracle-'));
  generateCerts(dir);
  process.env.NODE_EXTRA_CA_CERTS = join(dir, 'ca.pem');
  project.provide('oracleCertDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
