import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog';
import { configurationTextTest } from '../../src/policy/configuration-text';
import { shapeKeysTest } from '../../src/policy/shapes';

// The text tests that decide whether a file without a client has its exports read. They are
// gates: a miss loses every finding of the file, a pass only costs time.

describe('shapeKeysTest', () => {
  const hasShapeKeys = shapeKeysTest(catalog);

  it.each([
    'module.exports = { host: "db.internal" }',
    "export default { 'password' : x }",
    'const c = {"hostname":"h"}',
    'module.exports = { user, password }',
    'export const db = {\n  dialect,\n  host\n}',
    'exports.kafka = { brokers: [a] }',
    'module.exports = { smtp: { get host() { return h; } } }',
  ])('passes %s', (text) => {
    expect(hasShapeKeys(text)).toBe(true);
  });

  it.each([
    'function connect(host, port) { return host }',
    'const hostile = { a: 1 }',
    'const x = ghost: 1',
    'std::host::name',
    'const { hosts } = options',
    'user.password.length',
    'target(host)',
  ])('stops %s', (text) => {
    expect(hasShapeKeys(text)).toBe(false);
  });
});

describe('configurationTextTest', () => {
  const mayHoldConfiguration = configurationTextTest(catalog);

  it.each([
    // Option shapes' keys, as shapeKeysTest finds them.
    'module.exports = { host: "db.internal" }',
    'module.exports = { user, password }',
    // Option definitions.
    "{ env: 'DATABASE_URL', default: 'x' }",
    '{ "env": "REDIS_URL" }',
    "['--db-url', 'DB_URL', 'postgres://localhost'],",
    '[\n  "--ldap-url",\n  "LDAP_URL",\n  [],\n]',
    // Quoted service URLs, in any case.
    "export const queue = 'amqp://broker:5672';",
    'const u = `rediss://${host}`',
    "exports.db = 'MONGODB+SRV://cluster0.example.net/app'",
  ])('passes %s', (text) => {
    expect(mayHoldConfiguration(text)).toBe(true);
  });

  it.each([
    "const env = 'production'",
    'i--; j--;',
    "['--verbose', true]",
    "environment: 'dev'",
    'function connect(host, port) { return host }',
    "// see https://example.com/docs and 'http://localhost:3000'",
    'const scheme = "redis" + "://" + host',
  ])('stops %s', (text) => {
    expect(mayHoldConfiguration(text)).toBe(false);
  });
});
