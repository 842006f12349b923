/**
 * Test-only certificates, made with the `openssl` CLI at test time (Node's crypto cannot issue
 * X.509 certificates): a CA the clients trust through NODE_EXTRA_CA_CERTS, and four server
 * certificates that each fail or pass one check.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the server presents. */
export type CertKind = 'trusted' | 'self-signed' | 'wrong-host' | 'expired';

export const CERT_KINDS: readonly CertKind[] = ['trusted', 'self-signed', 'wrong-host', 'expired'];

export interface CertSet {
  caPath: string;
  ca: string;
  /** One RSA key for every server certificate: RSA key exchange keeps TLS 1.0 servers possible. */
  key: string;
  certs: Record<CertKind, string>;
}

const LOCALHOST = 'subjectAltName=DNS:localhost,IP:127.0.0.1';

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Writes the CA and the server certificates into `dir` (about a second). */
export function generateCerts(dir: string): void {
  mkdirSync(join(dir, 'issued'), { recursive: true });
  const rsa = ['-newkey', 'rsa:2048', '-nodes'];
  openssl(dir, ['req', '-x509', ...rsa, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650', '-subj', '/CN=backing-services oracle CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  openssl(dir, ['req', '-new', ...rsa, '-keyout', 'server.key', '-out', 'localhost.csr', '-subj', '/CN=localhost', '-addext', LOCALHOST]);
  openssl(dir, ['req', '-new', '-key', 'server.key', '-out', 'wrong-host.csr', '-subj', '/CN=wrong-host.invalid', '-addext', 'subjectAltName=DNS:wrong-host.invalid']);
  openssl(dir, ['req', '-x509', '-key', 'server.key', '-out', 'self-signed.pem', '-days', '3650', '-subj', '/CN=localhost', '-addext', LOCALHOST]);
  // `openssl ca` is the 3.0 way to set past validity dates.
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = oracle',
      '[oracle]',
      'dir = .',
      'database = index.txt',
      'serial = serial',
      'new_certs_dir = issued',
      'certificate = ca.pem',
      'private_key = ca.key',
      'default_md = sha256',
      'policy = any',
      'copy_extensions = copy',
      'unique_subject = no',
      '[any]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );
  const sign = (csr: string, out: string, start: string, end: string): void =>
    openssl(dir, ['ca', '-batch', '-config', 'ca.cnf', '-notext', '-in', csr, '-out', out, '-startdate', start, '-enddate', end]);
  sign('localhost.csr', 'trusted.pem', '20200101000000Z', '20991231000000Z');
  sign('wrong-host.csr', 'wrong-host.pem', '20200101000000Z', '20991231000000Z');
  sign('localhost.csr', 'expired.pem', '20200101000000Z', '20210101000000Z');
}

export function loadCerts(dir: string): CertSet {
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  return {
    caPath: join(dir, 'ca.pem'),
    ca: read('ca.pem'),
    key: read('server.key'),
    certs: { trusted: read('trusted.pem'), 'self-signed': read('self-signed.pem'), 'wrong-host': read('wrong-host.pem'), expired: read('expired.pem') },
  };
}
