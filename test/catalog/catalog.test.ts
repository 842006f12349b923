import { describe, expect, it } from 'vitest';
import {
  catalog,
  catalogModuleNames,
  entriesForEnvVar,
  entryById,
  entryForModule,
  factoryMatches,
  servicesByEnvVar,
} from '../../src/catalog';
import type { CatalogEntry, OptionCondition, TlsMeaning, TlsMeanings, TlsSwitch, UrlParam } from '../../src/catalog/types';
import { moduleMentionPattern } from '../../src/policy/mentions';
import type { Literal } from '../../src/policy/value';

function entry(id: string): CatalogEntry {
  const found = entryById(id);
  if (!found) throw new Error(`no catalog entry ${id}`);
  return found;
}

function sameCondition(a: OptionCondition | undefined, b: OptionCondition | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The switch at `path` (optionally the one guarded by `when`). */
function switchAt(e: CatalogEntry, path: string, when?: OptionCondition): TlsSwitch {
  const found = e.tls.switches.filter((sw) => sw.path === path && (when === undefined || sameCondition(sw.when, when)));
  if (found.length !== 1) throw new Error(`${e.id}: ${found.length} switches at ${path}`);
  return found[0]!;
}

/** What a literal written at a switch means, the way the catalog says it is read. */
function literalMeaning(sw: TlsSwitch, value: Literal): TlsMeanings | undefined {
  const meaning = sw.values?.[JSON.stringify(value)];
  if (meaning) return meaning;
  return value ? sw.otherTruthy : undefined;
}

/** Meaning of `name=value` in a URL, honouring `requires` like the policy does. */
function paramMeaning(e: CatalogEntry, name: string, value: string, others: Record<string, string> = {}): TlsMeanings | undefined {
  const specs = e.tls.urlParams.filter((p) => p.name.toLowerCase() === name.toLowerCase());
  const conditional = specs.find((p) => p.requires && others[p.requires.name]?.toLowerCase() === p.requires.value);
  const spec: UrlParam | undefined = conditional ?? specs.find((p) => !p.requires);
  return spec?.values[value.toLowerCase()];
}

const OPTION_PATH = /^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*)*$/;
const FACTORY_SEGMENT = /^(?:[A-Za-z_$*][\w$*]*(?:\(\))?|\(\))$/;
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const MEANINGS: readonly TlsMeaning[] = ['off', 'verified', 'unverified', 'opportunistic'];
const NAMED_SHAPES = ['ioredis', 'sequelize', 'pool-cluster-add', 'ws'];

describe('catalog structure', () => {
  it('has unique ids and finds every entry by id', () => {
    const ids = catalog.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of catalog) expect(entryById(e.id)).toBe(e);
    expect(catalog.length).toBeGreaterThanOrEqual(31);
  });

  /** Entries reached only through a wrapper's `dispatch` (a NestJS transport), by id. */
  const dispatched = new Set(catalog.flatMap((e) => e.factories.flatMap((f) => Object.values(f.dispatch?.cases ?? {}))));

  it.each(catalog.map((e) => [e.id, e] as const))('%s: modules resolve to the entry', (_id, e) => {
    expect(e.displayName.trim()).not.toBe('');
    if (e.modulePrefix === undefined && !dispatched.has(e.id)) expect(e.modules.length).toBeGreaterThan(0);
    for (const m of e.modules) expect(entryForModule(m)).toBe(e);
  });

  it('dispatches to entries that exist, and wrappers name a client that exists', () => {
    for (const id of dispatched) expect(entryById(id), id).toBeDefined();
    for (const e of catalog) if (e.wraps !== undefined) expect(entryById(e.wraps), `${e.id} wraps ${e.wraps}`).toBeDefined();
  });

  it('claims each module name once', () => {
    const all = catalog.flatMap((e) => e.modules);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(catalog.map((e) => [e.id, e] as const))('%s: factories are well formed', (_id, e) => {
    // Strapi 3's bookshelf settings are only ever found by their shape in config/database.js.
    expect(e.factories.length > 0 || dispatched.has(e.id) || e.shape !== undefined).toBe(true);
    const locationKeys = new Set([...e.location.urlPaths, ...e.location.listPaths, ...e.location.hostPaths, ...e.tls.bags]);
    for (const f of e.factories) {
      if (f.path !== '') for (const segment of f.path.split('.')) expect(segment, f.path).toMatch(FACTORY_SEGMENT);
      expect(['new', 'call', 'either', 'value', 'plugin']).toContain(f.invoke);
      // A plugin is the first argument of the `register` call its options follow.
      if (f.invoke === 'plugin') expect(Array.isArray(f.args) && f.args[0], `${e.id} ${f.path}: plugin slot`).toBe(null);
      // A module handed in as an option's value names that option, and only then.
      expect(f.invoke === 'value', `${e.id} ${f.path}: key`).toBe(f.key !== undefined);
      if (typeof f.args === 'string') {
        expect(NAMED_SHAPES).toContain(f.args);
        continue;
      }
      expect(f.args.some((slot) => slot !== null), f.path).toBe(true);
      if (f.each !== undefined) expect(f.args[f.each], `${e.id} ${f.path}: each`).toBeDefined();
      for (const slot of f.args) {
        if (slot === null || slot === '$spread' || slot === '$async') continue;
        const [key, rest] = slot.split('|');
        expect(key, slot).toMatch(OPTION_PATH);
        if (rest !== undefined) expect(rest).toBe('$spread');
        // A positional argument must land somewhere the rules look.
        expect(locationKeys.has(key!), `${e.id} ${f.path}: slot ${slot}`).toBe(true);
      }
    }
  });

  it('puts the URL of every named argument shape where the location spec reads it', () => {
    // policy/arguments.ts folds a URL string of these shapes into `url`.
    for (const e of catalog) {
      for (const f of e.factories) {
        if (typeof f.args === 'string') expect(e.location.urlPaths, `${e.id} ${f.path}`).toContain('url');
      }
    }
  });

  it.each(catalog.map((e) => [e.id, e] as const))('%s: TLS switches, flags and parameters are well formed', (_id, e) => {
    const { tls } = e;
    expect(['off', 'verified', 'unverified', 'opportunistic', 'scheme']).toContain(tls.default);
    for (const sw of tls.switches) {
      expect(sw.path, e.id).toMatch(OPTION_PATH);
      expect(sw.secure.trim()).not.toBe('');
      expect(sw.values || sw.otherTruthy || sw.object || sw.whenAbsent, `${e.id} ${sw.path} has no meaning`).toBeTruthy();
      for (const [key, meaning] of Object.entries(sw.values ?? {})) {
        const literal: unknown = JSON.parse(key);
        expect(literal === null || ['string', 'number', 'boolean'].includes(typeof literal), key).toBe(true);
        for (const m of [meaning].flat()) expect(MEANINGS).toContain(m);
      }
      if (sw.otherTruthy) expect(MEANINGS).toContain(sw.otherTruthy);
      if (sw.whenAbsent) expect(MEANINGS).toContain(sw.whenAbsent);
      // An object read as a TLS options bag must also be checked as one.
      if (sw.object?.startsWith('bag')) expect(tls.bags, `${e.id} ${sw.path}`).toContain(sw.path);
      const conditions = [sw.when, ...(Array.isArray(sw.unless) ? sw.unless : sw.unless ? [sw.unless] : [])];
      for (const c of conditions) if (c) expect(c.path).toMatch(OPTION_PATH);
    }
    for (const flag of tls.verifyOff) {
      expect(flag.path).toMatch(OPTION_PATH);
      expect(flag.secure.trim()).not.toBe('');
      if (flag.when) expect(flag.when.path).toMatch(OPTION_PATH);
    }
    for (const param of tls.urlParams) {
      expect(param.name.trim()).not.toBe('');
      expect(param.secure.trim()).not.toBe('');
      for (const [value, meaning] of Object.entries(param.values)) {
        expect(value).toBe(value.toLowerCase());
        for (const m of [meaning].flat()) expect(MEANINGS).toContain(m);
      }
    }
  });

  it.each(catalog.map((e) => [e.id, e] as const))('%s: bags, schemes and support flags agree', (_id, e) => {
    const { tls } = e;
    expect(new Set(tls.bags).size).toBe(tls.bags.length);
    for (const bag of tls.bags) if (bag !== '') expect(bag).toMatch(OPTION_PATH);
    if (tls.schemes) {
      for (const s of [...tls.schemes.plaintext, ...tls.schemes.tls]) {
        expect(s).toBe(s.toLowerCase());
        expect(s).not.toContain(':');
      }
      expect(tls.schemes.plaintext.filter((s) => tls.schemes!.tls.includes(s))).toEqual([]);
      expect(tls.schemeIgnored).not.toBe(true);
    }
    if (tls.default === 'scheme') expect(tls.schemes?.tls.length).toBeGreaterThan(0);
    if (tls.notJudged !== undefined) {
      expect([...tls.switches, ...tls.bags, ...tls.verifyOff, ...tls.urlParams, ...(tls.paramSchemes ?? [])]).toEqual([]);
      expect(tls.schemes).toBeUndefined();
    }
    if (tls.unsupported) {
      expect(tls.switches).toEqual([]);
      expect(tls.bags).toEqual([]);
      expect(tls.default).toBe('off');
    }
    for (const pin of tls.pinningOptions ?? []) expect(pin).toMatch(OPTION_PATH);
  });

  it.each(catalog.map((e) => [e.id, e] as const))('%s: accounts, credentials, locations and env names', (_id, e) => {
    for (const account of e.privilegedAccounts) expect(account).toBe(account.trim().toLowerCase());
    if (e.implicitAccount) expect(e.privilegedAccounts).toContain(e.implicitAccount);
    for (const p of [...e.credentials.userPaths, ...e.credentials.secretPaths]) expect(p).toMatch(OPTION_PATH);
    const { location } = e;
    const locations = [...location.urlPaths, ...location.hostPaths, ...location.listPaths, ...location.portPaths];
    for (const p of [...locations, ...(location.notLocations ?? [])]) expect(p).toMatch(OPTION_PATH);
    expect(new Set(locations).size).toBe(locations.length);
    for (const p of location.notLocations ?? []) expect(locations).not.toContain(p);
    expect(e.envVar).toMatch(ENV_NAME);
    for (const alias of e.envVarAliases) expect(alias).toMatch(ENV_NAME);
    expect(e.envVarAliases).not.toContain(e.envVar);
    expect(new Set(e.envVarAliases).size).toBe(e.envVarAliases.length);
    if (e.globalDefaults !== undefined) expect(e.globalDefaults).toMatch(OPTION_PATH);
  });

  it.each(catalog.map((e) => [e.id, e] as const))('%s: recipe and notes', (_id, e) => {
    const recipes = [e.recipe, ...(e.recipe.variants ?? [])];
    for (const r of recipes) {
      expect(r.urlOption === '$arg' || OPTION_PATH.test(r.urlOption), r.urlOption).toBe(true);
      for (const key of Object.keys(r.tlsOptions)) expect(key).toMatch(OPTION_PATH);
      for (const p of r.supersededOptions) expect(p).toMatch(OPTION_PATH);
      if (r.tlsScheme) expect(e.tls.schemes?.tls).toContain(r.tlsScheme);
      if (r.noUrl !== undefined) expect(r.noUrl.trim()).not.toBe('');
      for (const o of r.envOptions ?? []) {
        for (const p of [o.path, ...(o.replaces ?? [])]) expect(p).toMatch(OPTION_PATH);
        expect(o.envVar).toMatch(/^[A-Z][A-Z0-9_]*$/);
        expect(o.description.trim()).not.toBe('');
      }
      // A recipe says how to write the secure form or why it cannot, never both.
      expect(r.noUrl !== undefined && r.envOptions !== undefined, e.id).toBe(false);
    }
    for (const v of e.recipe.variants ?? []) expect(v.when.path).toMatch(OPTION_PATH);
    // Without a URL scheme or explicit options a codemod cannot turn TLS on.
    if (!e.tls.unsupported && e.tls.notJudged === undefined && e.tls.default !== 'verified' && e.recipe.noUrl === undefined) {
      expect(Object.keys(e.recipe.tlsOptions).length > 0 || e.recipe.tlsScheme !== undefined || e.id === '@prisma/client', e.id).toBe(true);
    }
    expect(e.notes.length).toBeGreaterThan(0);
    for (const note of e.notes) expect(note.trim()).toMatch(/[.)]$/);
  });
});

describe('module resolution', () => {
  it('matches exact names, prefixes and node: built-ins', () => {
    expect(entryForModule('pg')?.id).toBe('pg');
    expect(entryForModule('mysql2/promise')?.id).toBe('mysql2');
    expect(entryForModule('@redis/client')?.id).toBe('redis');
    expect(entryForModule('amqplib/callback_api')?.id).toBe('amqplib');
    expect(entryForModule('@nats-io/transport-node')?.id).toBe('nats');
    expect(entryForModule('@aws-sdk/client-s3')?.id).toBe('@aws-sdk/client-*');
    expect(entryForModule('@aws-sdk/client-dynamodb')?.id).toBe('@aws-sdk/client-*');
    expect(entryForModule('aws-sdk')?.id).toBe('aws-sdk');
    expect(entryForModule('aws-sdk/clients/s3')?.id).toBe('aws-sdk');
    expect(entryForModule('tls')?.id).toBe('node:tls');
    expect(entryForModule('node:tls')?.id).toBe('node:tls');
    expect(entryForModule('node:https')?.id).toBe('node:tls');
  });

  it('does not match look-alikes', () => {
    expect(entryForModule('@aws-sdk/client-')).toBeUndefined();
    expect(entryForModule('@aws-sdk/lib-dynamodb')).toBeUndefined();
    expect(entryForModule('node:pg')).toBeUndefined();
    expect(entryForModule('pg-promise')).toBeUndefined();
    expect(entryForModule('mysql2/typings')).toBeUndefined();
    expect(entryForModule('redis-mock')).toBeUndefined();
    expect(entryForModule('http')).toBeUndefined();
    expect(entryForModule('./pg')).toBeUndefined();
  });

  it('lists names for a quoted-text pre-filter, prefixes cut at their last slash', () => {
    expect(catalogModuleNames).toContain('pg');
    expect(catalogModuleNames).toContain('mysql2/promise');
    expect(catalogModuleNames).toContain('@aws-sdk');
    expect(catalogModuleNames).not.toContain('@aws-sdk/client-');
    expect(new Set(catalogModuleNames).size).toBe(catalogModuleNames.length);
    const mention = moduleMentionPattern(catalogModuleNames);
    expect(mention.test(`import { S3Client } from '@aws-sdk/client-s3';`)).toBe(true);
    expect(mention.test(`const S3 = require("aws-sdk/clients/s3");`)).toBe(true);
    expect(mention.test(`import tls from 'node:tls';`)).toBe(true);
    expect(mention.test(`import { Pool } from 'pg';`)).toBe(true);
    expect(mention.test(`import x from 'pg-promise';`)).toBe(false);
  });
});

describe('factoryMatches', () => {
  it('compares plain paths exactly', () => {
    expect(factoryMatches('Pool', 'Pool')).toBe(true);
    expect(factoryMatches('', '')).toBe(true);
    expect(factoryMatches('Pool', 'Client')).toBe(false);
    expect(factoryMatches('Redis.Cluster', 'Redis.Cluster')).toBe(true);
    expect(factoryMatches('Redis.Cluster', 'Cluster')).toBe(false);
    expect(factoryMatches('createPoolCluster().add', 'createPoolCluster().add')).toBe(true);
    expect(factoryMatches('createPoolCluster().add', 'createPoolCluster.add')).toBe(false);
  });

  it('expands * within one segment, for at least one character', () => {
    expect(factoryMatches('*Client', 'S3Client')).toBe(true);
    expect(factoryMatches('*Client', 'DynamoDBClient')).toBe(true);
    expect(factoryMatches('*Client', 'Client')).toBe(false);
    expect(factoryMatches('*Client', 'S3ClientConfig')).toBe(false);
    expect(factoryMatches('*Client', 'S3Client.send')).toBe(false);
    expect(factoryMatches('*', 'S3')).toBe(true);
    expect(factoryMatches('*', '')).toBe(false);
    expect(factoryMatches('*', 'config.update')).toBe(false);
    expect(factoryMatches('*', 'S3()')).toBe(false);
    expect(factoryMatches('a.*.c', 'a.b.c')).toBe(true);
    expect(factoryMatches('a.*.c', 'a.b.d')).toBe(false);
    expect(factoryMatches('create*Pool', 'createXPool')).toBe(true);
    expect(factoryMatches('*.Client', 'x.Client')).toBe(true);
  });

  it('treats other characters literally', () => {
    expect(factoryMatches('a.b*', 'axb')).toBe(false);
    expect(factoryMatches('(*)', '(x)')).toBe(true);
  });
});

describe('environment variables', () => {
  it('maps conventional names to services', () => {
    expect(servicesByEnvVar.get('REDIS_URL')).toEqual(['redis']);
    expect(servicesByEnvVar.get('MONGODB_URI')).toEqual(['mongodb', 'sql']); // typeorm with type mongodb
    expect(servicesByEnvVar.get('CLOUDAMQP_URL')).toEqual(['amqp']);
    expect(servicesByEnvVar.get('DATABASE_URL')).toEqual(expect.arrayContaining(['postgres', 'mysql', 'sql']));
    expect(servicesByEnvVar.get('PATH')).toBeUndefined();
    expect(entriesForEnvVar('MEMCACHIER_SERVERS').map((e) => e.id).sort()).toEqual(['memcached', 'memjs']);
    // Wrappers repeat their client's variable.
    expect(entriesForEnvVar('KAFKA_URL').map((e) => e.id)).toEqual(['kafkajs', 'nest-transport-kafka']);
  });
});

describe('library traps (reference/clients.md §28)', () => {
  it('pg: ?ssl=false never turns TLS off (pg throws after SSLRequest, so it has no meaning); only ssl=0 or sslmode=disable do', () => {
    const pg = entry('pg');
    expect(paramMeaning(pg, 'ssl', 'false')).toBeUndefined();
    expect(paramMeaning(pg, 'ssl', '0')).toBe('off');
    expect(paramMeaning(pg, 'sslmode', 'disable')).toBe('off');
    expect(paramMeaning(pg, 'sslmode', 'require')).toBe('verified');
    expect(paramMeaning(pg, 'sslmode', 'no-verify')).toBe('unverified');
    expect(paramMeaning(pg, 'sslmode', 'require', { uselibpqcompat: 'true' })).toBe('unverified');
    expect(literalMeaning(switchAt(pg, 'ssl'), false)).toBe('off');
    expect(literalMeaning(switchAt(pg, 'ssl'), 'no-verify')).toBe('unverified');
  });

  it("postgres.js: ssl 'require' does not verify, 'prefer' can fall back, sslmode=no-verify is verified", () => {
    const sw = switchAt(entry('postgres'), 'ssl');
    expect(literalMeaning(sw, 'require')).toBe('unverified');
    // Both also go on in clear text when the server declines TLS (the TLS oracle saw it).
    expect(literalMeaning(sw, 'allow')).toEqual(['opportunistic', 'unverified']);
    expect(literalMeaning(sw, 'prefer')).toEqual(['opportunistic', 'unverified']);
    expect(literalMeaning(sw, true)).toBe('verified');
    expect(literalMeaning(sw, 'verify-full')).toBe('verified');
    expect(literalMeaning(sw, false)).toBe('off');
    expect(sw.object).toBe('bag');
    const e = entry('postgres');
    expect(paramMeaning(e, 'sslmode', 'require')).toBe('unverified');
    expect(paramMeaning(e, 'sslmode', 'no-verify')).toBe('verified');
    expect(paramMeaning(e, 'sslmode', 'disable')).toBe('off');
    expect(e.recipe.tlsOptions).toEqual({ ssl: "'verify-full'" });
  });

  it('mysql: ssl true does not verify; mysql2: ssl true throws, an object skips the host name', () => {
    const mysql = switchAt(entry('mysql'), 'ssl');
    expect(literalMeaning(mysql, true)).toBe('unverified');
    expect(literalMeaning(mysql, 'Amazon RDS')).toBe('unverified');
    expect(paramMeaning(entry('mysql'), 'ssl', 'true')).toBe('unverified');
    expect(entry('mysql').tls.schemeIgnored).toBe(true);
    // Settings from their own variables, `ssl` that verifies the chain, and a note that the host name is not checked.
    expect(entry('mysql').recipe.envOptions?.map((o) => o.envVar)).toEqual(['MYSQL_HOST', 'MYSQL_USER', 'MYSQL_PASSWORD', 'MYSQL_DATABASE']);
    expect(entry('mysql').recipe.residual).toMatch(/host name/);
    const mysql2 = switchAt(entry('mysql2'), 'ssl');
    expect(literalMeaning(mysql2, true)).toBeUndefined();
    expect(literalMeaning(mysql2, false)).toBe('off');
    expect(mysql2.object).toBe('bag-hostname-unverified-unless-verifyIdentity');
    expect(entry('mysql2').recipe.tlsOptions.ssl).toBe('{ rejectUnauthorized: true, verifyIdentity: true }');
    expect(entry('mysql2').factories.find((f) => f.path === 'createPoolCluster().add')?.args).toBe('pool-cluster-add');
    expect(entry('mysql2').factories.some((f) => f.path === 'connect')).toBe(true);
  });

  it('mongodb: mongodb+srv implies TLS, tls=false turns it off, invalid-certificate flags', () => {
    for (const id of ['mongodb', 'mongoose']) {
      const e = entry(id);
      expect(e.tls.default).toBe('scheme');
      expect(e.tls.schemes).toEqual({ plaintext: ['mongodb'], tls: ['mongodb+srv'] });
      expect(paramMeaning(e, 'tls', 'false')).toBe('off');
      expect(paramMeaning(e, 'tlsAllowInvalidCertificates', 'true')).toBe('unverified');
      expect(paramMeaning(e, 'tlsinsecure', 'true')).toBe('unverified');
      expect(literalMeaning(switchAt(e, 'tls'), false)).toBe('off');
      expect(e.tls.verifyOff.map((f) => [f.path, f.value])).toEqual([
        ['tlsAllowInvalidCertificates', true],
        ['tlsAllowInvalidHostnames', true],
        ['tlsInsecure', true],
        // Driver 3.x's switch, still accepted by old code.
        ['sslValidate', false],
      ]);
      expect(e.tls.bags).toContain('');
    }
    expect(entry('mongodb').factories.map((f) => [f.path, f.invoke])).toEqual([
      ['MongoClient', 'new'],
      ['MongoClient.connect', 'call'],
    ]);
    expect(entry('mongoose').credentials.secretPaths).toContain('pass');
  });

  it('ioredis: rediss is case-sensitive and ?tls= with any value turns TLS on', () => {
    const e = entry('ioredis');
    expect(e.tls.schemes).toEqual({ plaintext: ['redis'], tls: ['rediss'], caseSensitiveTls: true });
    expect(paramMeaning(e, 'tls', 'false')).toBe('verified');
    const tls = switchAt(e, 'tls');
    expect(tls.object).toBe('bag');
    expect(literalMeaning(tls, 'RedisCloudFixed')).toBe('verified');
    expect(e.tls.bags).toEqual(expect.arrayContaining(['tls', 'redisOptions.tls', 'sentinelTLS']));
    expect(e.factories.filter((f) => f.args === 'ioredis').map((f) => f.path)).toEqual(['', 'Redis']);
    expect(e.privilegedAccounts).toEqual(['default']);
  });

  it('node-redis: socket.tls must be the boolean true; an object means plaintext', () => {
    const e = entry('redis');
    for (const path of ['socket.tls', 'defaults.socket.tls']) {
      const sw = switchAt(e, path);
      expect(sw.object).toBe('off');
      expect(literalMeaning(sw, true)).toBe('verified');
      expect(literalMeaning(sw, 'true')).toBe('off');
      expect(literalMeaning(sw, false)).toBe('off');
    }
    // TLS options sit beside `tls: true`, not under it.
    expect(e.tls.bags).toContain('socket');
    expect(e.tls.bags).not.toContain('socket.tls');
    expect(e.recipe).toMatchObject({ urlOption: 'url', tlsOptions: { 'socket.tls': 'true' }, tlsScheme: 'rediss' });
    expect(e.tls.schemes?.caseSensitiveTls).toBeUndefined();
    expect(e.modules).toEqual(['redis', '@redis/client']);
  });

  it('bullmq: ioredis semantics under connection', () => {
    const e = entry('bullmq');
    expect(e.tls.schemes?.caseSensitiveTls).toBe(true);
    expect(switchAt(e, 'connection.tls').object).toBe('bag');
    expect(e.location.urlPaths).toEqual(['connection.url']);
    const worker = e.factories.find((f) => f.path === 'Worker');
    expect(worker?.args).toEqual([null, null, '$spread']);
  });

  it('amqplib: guest/guest when no credentials; socket options are the TLS bag', () => {
    const e = entry('amqplib');
    expect(e.implicitAccount).toBe('guest');
    expect(e.privilegedAccounts).toContain('guest');
    expect(e.factories[0]?.args).toEqual(['url|$spread', 'socket', null]);
    expect(e.tls.bags).toEqual(['socket']);
    expect(literalMeaning(switchAt(e, 'protocol'), 'amqps')).toBe('verified');
    expect(literalMeaning(switchAt(e, 'protocol'), 'amqp')).toBe('off');
    expect(e.tls.schemes).toEqual({ plaintext: ['amqp'], tls: ['amqps'] });
  });

  it('kafkajs: ssl true is verified, brokers are a list without scheme', () => {
    const e = entry('kafkajs');
    expect(literalMeaning(switchAt(e, 'ssl'), true)).toBe('verified');
    expect(e.location.listPaths).toEqual(['brokers']);
    expect(e.credentials.secretPaths).toContain('sasl.password');
    expect(e.tls.schemes).toBeUndefined();
  });

  it('nodemailer: opportunistic by default; requireTLS wins over ignoreTLS', () => {
    const e = entry('nodemailer');
    expect(e.tls.default).toBe('opportunistic');
    // `secure: false` alone is the default, not a switch value: `{ secure: false, requireTLS: true }` is safe.
    expect(literalMeaning(switchAt(e, 'secure'), false)).toBeUndefined();
    expect(literalMeaning(switchAt(e, 'secure'), true)).toBe('verified');
    const ignore = switchAt(e, 'ignoreTLS');
    expect(literalMeaning(ignore, true)).toBe('off');
    expect(ignore.unless).toEqual(expect.arrayContaining([{ path: 'requireTLS', equals: true }]));
    expect(literalMeaning(switchAt(e, 'opportunisticTLS'), true)).toBe('opportunistic');
    expect(literalMeaning(switchAt(e, 'port'), 465)).toBe('verified');
    expect(paramMeaning(e, 'tls.rejectUnauthorized', 'false')).toBe('unverified');
    expect(paramMeaning(e, 'requireTLS', 'true')).toBe('verified');
    expect(e.tls.schemes?.tls).toEqual(['smtps']);
    expect(e.location.notLocations).toContain('service');
    expect(e.credentials.secretPaths).toContain('auth.pass');
    expect(e.factories[0]?.args).toEqual(['url|$spread', null]);
  });

  it('elasticsearch: http nodes are plaintext, caFingerprint pins, cloud is not a location', () => {
    const e = entry('@elastic/elasticsearch');
    expect(e.tls.schemes).toEqual({ plaintext: ['http'], tls: ['https'] });
    expect(e.tls.pinningOptions).toEqual(['caFingerprint']);
    expect(e.tls.bags).toEqual(['tls', 'ssl']);
    expect(e.location.listPaths).toEqual(['node', 'nodes']);
    expect(e.location.notLocations).toContain('cloud');
    expect(e.privilegedAccounts).toContain('elastic');
    expect(entry('@opensearch-project/opensearch').tls.bags).toEqual(['ssl']);
  });

  it('knex: mssql turns encryption off unless asked; pg uses its pinned pg-connection-string', () => {
    const e = entry('knex');
    const mssql = { path: 'client', equals: 'mssql' };
    const encrypt = switchAt(e, 'connection.options.encrypt', mssql);
    expect(encrypt.whenAbsent).toBe('off');
    expect(encrypt.unless).toEqual({ path: 'connection.encrypt', equals: [true, 'strict'] });
    expect(e.tls.verifyOff).toEqual([expect.objectContaining({ path: 'connection.options.trustServerCertificate', value: true, when: mssql })]);
    // pg-connection-string 2.6.2: no uselibpqcompat, so no conditional sslmode entry.
    expect(paramMeaning(e, 'sslmode', 'require', { uselibpqcompat: 'true' })).toBe('verified');
    expect(paramMeaning(e, 'ssl', 'false')).toBeUndefined();
    expect(e.factories.map((f) => f.path)).toEqual(['', 'knex']);
    expect(e.factories[0]?.args).toEqual(['connection|$spread']);
    expect(e.recipe.noUrl).toBeDefined();
    expect(e.recipe.variants?.find((v) => sameCondition(v.when, { path: 'client', equals: ['pg', 'postgres', 'postgresql', 'pgnative', 'cockroachdb', 'redshift'] }))?.urlOption).toBe(
      'connection.connectionString',
    );
  });

  it('sequelize: top-level ssl is ignored; mssql defaults to trustServerCertificate true', () => {
    const e = entry('sequelize');
    expect(e.tls.switches.some((sw) => sw.path === 'ssl')).toBe(false);
    expect(e.tls.bags).not.toContain('ssl');
    const trust = switchAt(e, 'dialectOptions.options.trustServerCertificate');
    expect(trust.when).toEqual({ path: 'dialect', equals: 'mssql' });
    expect(trust.whenAbsent).toBe('unverified');
    expect(literalMeaning(trust, false)).toBe('verified');
    expect(literalMeaning(trust, true)).toBe('unverified');
    const pgSsl = switchAt(e, 'dialectOptions.ssl', { path: 'dialect', equals: 'postgres' });
    expect(literalMeaning(pgSsl, 'no-verify')).toBe('unverified');
    expect(e.factories.every((f) => f.args === 'sequelize')).toBe(true);
    expect(paramMeaning(e, 'sslmode', 'no-verify')).toBe('unverified');
  });

  it('typeorm: extra.ssl for postgres, trustServerCertificate for mssql, mongodb flags by type', () => {
    const e = entry('typeorm');
    expect(switchAt(e, 'extra.ssl').object).toBe('bag');
    expect(e.tls.bags).toEqual(expect.arrayContaining(['ssl', 'extra.ssl']));
    const flags = e.tls.verifyOff.map((f) => `${f.path}@${JSON.stringify(f.when?.equals)}`);
    expect(flags).toEqual(
      expect.arrayContaining(['options.trustServerCertificate@"mssql"', 'tlsAllowInvalidCertificates@"mongodb"']),
    );
    // TypeORM passes only its whitelist of MongoDB options on (the TLS oracle saw the rest ignored).
    expect(flags).not.toContain('tlsInsecure@"mongodb"');
    // pg reads `ssl=false` as on, mongodb as off: left out rather than guessed.
    expect(paramMeaning(e, 'ssl', 'false')).toBeUndefined();
    expect(e.factories.map((f) => f.path)).toContain('DataSource');
  });

  it('prisma: sslaccept=accept_invalid_certs and bare sslmode=require are unverified', () => {
    const e = entry('@prisma/client');
    expect(e.tls.default).toBe('opportunistic');
    expect(paramMeaning(e, 'sslaccept', 'accept_invalid_certs')).toBe('unverified');
    expect(paramMeaning(e, 'sslmode', 'require')).toBe('unverified');
    expect(paramMeaning(e, 'sslmode', 'require', { sslaccept: 'strict' })).toBe('verified');
    expect(paramMeaning(e, 'sslmode', 'prefer')).toBe('opportunistic');
    expect(e.location.urlPaths).toEqual(['datasourceUrl', 'datasources.db.url']);
  });

  it('mssql/tedious: verified by default; encrypt false and trustServerCertificate true', () => {
    const e = entry('mssql');
    expect(e.tls.default).toBe('verified');
    expect(literalMeaning(switchAt(e, 'options.encrypt'), false)).toBe('off');
    expect(literalMeaning(switchAt(e, 'options.encrypt'), 'strict')).toBe('verified');
    expect(e.tls.verifyOff.map((f) => f.path)).toEqual(['options.trustServerCertificate']);
    // The top-level forms are defaults that `options` overrides (the TLS oracle saw it).
    expect(literalMeaning(switchAt(e, 'trustServerCertificate'), true)).toBe('unverified');
    expect(switchAt(e, 'trustServerCertificate').unless).toEqual({ path: 'options.trustServerCertificate', equals: [true, false] });
    expect(switchAt(e, 'encrypt').unless).toEqual({ path: 'options.encrypt', equals: [true, false, 'strict'] });
    expect(paramMeaning(e, 'Encrypt', 'False')).toBe('off');
    expect(paramMeaning(e, 'TrustServerCertificate', 'true')).toBe('unverified');
    // ADO.NET strings, not URLs: server and credentials from their own variables.
    expect(e.recipe.envOptions?.find((o) => o.path === 'server')).toEqual(expect.objectContaining({ envVar: 'MSSQL_SERVER', required: true, replaces: ['connectionString'] }));
    expect(e.recipe.tlsOptions).toEqual({ 'options.encrypt': 'true', 'options.trustServerCertificate': 'false' });
    expect(e.factories.find((f) => f.path === 'connect')?.args).toEqual(['connectionString|$spread', null]);
    expect(e.privilegedAccounts).toEqual(['sa']);
    const t = entry('tedious');
    expect(t.tls.default).toBe('verified');
    // Under the ORMs, tedious encrypts unless told not to.
    expect(switchAt(entry('typeorm'), 'options.encrypt').whenAbsent).toBe('verified');
    expect(switchAt(entry('sequelize'), 'dialectOptions.options.encrypt').whenAbsent).toBe('verified');
    expect(literalMeaning(switchAt(entry('knex'), 'connection.options.encrypt'), true)).toBe('verified');
    expect(t.tls.verifyOff).toEqual([expect.objectContaining({ path: 'options.trustServerCertificate', value: true })]);
  });

  it('nats: tls null is off, unset tls is opportunistic, tls:// is ignored', () => {
    const e = entry('nats');
    expect(e.tls.default).toBe('opportunistic');
    expect(e.tls.schemeIgnored).toBe(true);
    expect(e.tls.schemes).toBeUndefined();
    const tls = switchAt(e, 'tls');
    expect(literalMeaning(tls, null)).toBe('off');
    expect(tls.object).toBe('bag');
    expect(e.recipe.tlsOptions).toEqual({ tls: '{}' });
    expect(e.location.listPaths).toEqual(['servers']);
  });

  it('cassandra: an sslOptions object is unverified unless rejectUnauthorized is written', () => {
    const e = entry('cassandra-driver');
    expect(switchAt(e, 'sslOptions').object).toBe('bag-unverified-unless-rejectUnauthorized');
    expect(e.recipe.tlsOptions).toEqual({ sslOptions: '{ rejectUnauthorized: true }' });
    expect(e.location.listPaths).toEqual(['contactPoints']);
    expect(e.privilegedAccounts).toEqual(['cassandra']);
  });

  it('memjs and memcached: no TLS at all', () => {
    for (const id of ['memjs', 'memcached']) {
      const e = entry(id);
      expect(e.tls.unsupported).toBe(true);
      expect(e.location.listPaths).toEqual(['servers']);
    }
    expect(entry('memjs').factories).toEqual([{ path: 'Client.create', invoke: 'call', args: ['servers', '$spread'] }]);
    expect(entry('memjs').credentials.urlUserinfo).toBe(true);
    expect(entry('memcached').credentials.urlUserinfo).toBe(false);
  });

  it('ldap: ldap:// is plaintext, ldaps:// is TLS', () => {
    for (const id of ['ldapjs', 'ldapts']) {
      const e = entry(id);
      expect(e.tls.schemes).toEqual({ plaintext: ['ldap'], tls: ['ldaps'] });
      expect(e.tls.bags).toEqual(['tlsOptions']);
      expect(e.recipe.tlsScheme).toBe('ldaps');
    }
  });

  it('AWS SDK: http endpoints are plaintext; v3 clients by suffix, v2 by any constructor', () => {
    const v3 = entry('@aws-sdk/client-*');
    expect(v3.tls.default).toBe('verified');
    expect(literalMeaning(switchAt(v3, 'tls'), false)).toBe('off');
    expect(v3.tls.schemes?.plaintext).toEqual(['http']);
    expect(v3.tls.bags).toEqual(['requestHandler.httpsAgent']);
    expect(v3.credentials.secretPaths).toContain('credentials.secretAccessKey');
    expect(v3.factories.some((f) => f.invoke === 'new' && factoryMatches(f.path, 'S3Client'))).toBe(true);
    const v2 = entry('aws-sdk');
    expect(literalMeaning(switchAt(v2, 'sslEnabled'), false)).toBe('off');
    expect(v2.factories.some((f) => f.invoke === 'new' && factoryMatches(f.path, 'S3'))).toBe(true);
    expect(v2.factories.some((f) => f.invoke === 'call' && factoryMatches(f.path, 'config.update'))).toBe(true);
  });

  it('ws and socket.io-client: ws:// and http:// are plaintext', () => {
    const w = entry('ws');
    expect(w.tls.schemes).toEqual({ plaintext: ['ws', 'http'], tls: ['wss', 'https'] });
    expect(w.factories.map((f) => f.args)).toEqual(['ws', 'ws']);
    const io = entry('socket.io-client');
    expect(io.tls.schemes?.plaintext).toEqual(['ws', 'http']);
    expect(io.factories.some((f) => f.path === 'io' && f.invoke === 'call')).toBe(true);
  });

  it('node:tls: tls and https, the root options are the bag', () => {
    const e = entry('node:tls');
    expect(e.service).toBe('tls');
    expect(e.modules).toEqual(['tls', 'node:tls', 'https', 'node:https']);
    expect(e.tls.bags).toEqual(['']);
    expect(e.factories.map((f) => [f.path, f.invoke])).toEqual([
      ['connect', 'call'],
      ['Agent', 'new'],
    ]);
    expect(e.globalDefaults).toBe('globalAgent.options');
  });
});
