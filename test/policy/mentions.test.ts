import { describe, expect, it } from 'vitest';
import { mentionedModules, moduleMentionPattern } from '../../src/policy/mentions';

const pattern = moduleMentionPattern(['@nestjs/config', 'envalid', 'pg-pool', '@aws-sdk', 'pg', 'tls'], 'g');
const mentions = (text: string): string[] => [...mentionedModules(text, pattern)].sort();

describe('mentionedModules', () => {
  it.each([
    ["import { Pool } from 'pg';", ['pg']],
    ['const p = require("pg-pool");', ['pg-pool']],
    ['import tls from `node:tls`;', ['tls']],
    ["import { S3Client } from '@aws-sdk/client-s3';", ['@aws-sdk']],
    ["import { ConfigModule } from '@nestjs/config';\nimport { cleanEnv } from 'envalid';", ['@nestjs/config', 'envalid']],
    // Adjacent specifiers share a quote in minified code.
    ["define(['pg','tls'],f)", ['pg', 'tls']],
    ["import x from 'pg';\nimport y from 'pg';", ['pg']],
  ])('%s', (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it.each([
    ["import x from 'pg-promise';"],
    ["import x from './pg';"],
    ['// uses pg and tls'],
    ['const pg = tls;'],
    ["import x from 'node:http';"],
  ])('finds nothing in %s', (text) => {
    expect(mentions(text)).toEqual([]);
  });

  it('starts afresh on every text, whatever the previous scan left in the global pattern', () => {
    expect(mentions("'pg' 'tls'")).toEqual(['pg', 'tls']);
    expect(mentions("'tls'")).toEqual(['tls']);
  });

});
