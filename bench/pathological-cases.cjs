// Pathological inputs for the plugin: huge literals and URLs, deep nesting, long alias chains
// and cycles, thousands of clients in one file, minified bundles, strings shaped to make a
// backtracking regular expression explode. test/robustness/pathological.test.ts asserts every
// rule completes on each without error; `node bench/run.mjs --only pathological` times them.
// Depths stay below what the parsers themselves survive (the typescript-eslint parser
// overflows its stack on about 300 nested object literals).
const LIBRARIES = [
  ["const { Pool } = require('pg');", (config) => `new Pool(${config})`],
  ["const Redis = require('ioredis');", (config) => `new Redis(${config})`],
  ["const mysql = require('mysql2');", (config) => `mysql.createPool(${config})`],
  ["const { MongoClient } = require('mongodb');", (config) => `new MongoClient('mongodb://localhost', ${config})`],
  ["const nodemailer = require('nodemailer');", (config) => `nodemailer.createTransport(${config})`],
  ["const { Kafka } = require('kafkajs');", (config) => `new Kafka(${config})`],
  ["const knex = require('knex');", (config) => `knex({ client: 'pg', connection: ${config} })`],
  ["const { Sequelize } = require('sequelize');", (config) => `new Sequelize(${config})`],
];

const imports = LIBRARIES.map(([line]) => line).join('\n');

function clientsFile(count, config) {
  const lines = [imports];
  for (let i = 0; i < count; i++) {
    const [, make] = LIBRARIES[i % LIBRARIES.length];
    lines.push(`exports.c${i} = ${make(config(i))};`);
  }
  return lines.join('\n');
}

function nested(depth, leaf) {
  return '{ a: '.repeat(depth) + leaf + ' }'.repeat(depth);
}

const CASES = {
  'a 1 MB string literal as a host': `${imports}\nnew Pool({ host: '${'h'.repeat(1_000_000)}', password: '${'p'.repeat(100_000)}' });`,
  'a 1 MB connection URL with many parameters': `${imports}\nnew Pool({ connectionString: 'postgres://user:${'s'.repeat(200_000)}@${'db.'.repeat(100_000)}example.com:5432/app?${'sslmode=disable&'.repeat(20_000)}' });\nnew Redis('redis://:${'x'.repeat(300_000)}@cache.example.com:6379');`,
  'URL-shaped strings built to make a regular expression backtrack': [
    imports,
    `new Pool({ connectionString: 'postgres://${':'.repeat(50_000)}' });`,
    `new Pool({ connectionString: 'postgres://${'a@'.repeat(50_000)}' });`,
    `new Redis('redis://${'a:'.repeat(50_000)}!');`,
    `new Redis('rediss://${'%'.repeat(50_000)}');`,
    `new MongoClient('mongodb+srv://${'u:p@'.repeat(20_000)}h/?${'tls=false&'.repeat(10_000)}', {});`,
    `const s = '${'postgres://'.repeat(20_000)}';`,
    `const t = '${' '.repeat(100_000)}x';`,
    `mysql.createPool({ host: '${'1.'.repeat(50_000)}', uri: 'mysql://${'a'.repeat(60_000)}@' });`,
    `process.env.DATABASE_URL = '${'postgres://u:p@h/'.repeat(5_000)}';`,
  ].join('\n'),
  'a long template literal with many holes': `${imports}\nconst host = process.env.DB_HOST;\nnew Pool({ connectionString: \`postgres://\${host}${'/x${host}'.repeat(5_000)}\` });`,
  'a deeply nested config object': `${imports}\nnew Pool(${nested(200, "{ ssl: { rejectUnauthorized: false }, host: 'db.example.com' }")});\nnew Redis({ tls: ${nested(200, '{}')} });`,
  'a deeply nested config through spreads': [
    imports,
    "const c0 = { host: 'db.example.com', password: 'hunter2hunter2', ssl: { rejectUnauthorized: false } };",
    ...Array.from({ length: 1_500 }, (_, i) => `const c${i + 1} = { ...c${i}, k${i}: ${i} };`),
    'new Pool(c1500);',
  ].join('\n'),
  'a long chain of aliases': [
    imports,
    "const u0 = 'postgres://admin:hunter2hunter2@db.example.com/app?sslmode=disable';",
    ...Array.from({ length: 3_000 }, (_, i) => `const u${i + 1} = u${i};`),
    'new Pool({ connectionString: u3000 });',
  ].join('\n'),
  'a long string concatenation': `${imports}\nnew Pool({ connectionString: 'postgres://' + ${Array.from({ length: 600 }, (_, i) => `'h${i}'`).join(' + ')} });`,
  'cyclic and self-referential bindings': [
    imports,
    'var a = b; var b = a;',
    'let o = {}; o = { ...o, host: o.host };',
    'const p = { get host() { return p.host; } };',
    'var x = { ...y }; var y = { ...x };',
    'function f() { return f(); }',
    'new Pool(a); new Pool(o); new Pool(p); new Pool(x); new Pool({ host: f() }); new Pool(b.c.d.e);',
  ].join('\n'),
  'thousands of clients in one file': clientsFile(3_000, (i) =>
    i % 3 === 0
      ? `{ host: 'db${i}.example.com', user: 'postgres', password: 'pw-${i}-secret', ssl: { rejectUnauthorized: false } }`
      : i % 3 === 1
        ? `{ connectionString: process.env.DATABASE_URL, ssl: true }`
        : `'postgres://admin:secret${i}@10.0.0.${i % 250}:5432/app?sslmode=disable'`,
  ),
  'a minified bundle on one line': (() => {
    const parts = [];
    for (let i = 0; i < 4_000; i++) {
      parts.push(
        `var a${i}=require("pg"),b${i}=new a${i}.Pool({host:"h${i}.example.com",ssl:{rejectUnauthorized:!1}}),c${i}=function(e,t){return e?t:b${i}}(!0,"redis://:p${i}@r${i}:6379")`,
      );
    }
    return `!function(){"use strict";${parts.join(';')};module.exports={}}();`;
  })(),
  'thousands of requires of catalog modules': Array.from({ length: 4_000 }, (_, i) => `const m${i} = require('${['pg', 'ioredis', 'mysql2', 'mongodb', 'redis', 'kafkajs'][i % 6]}'); m${i}.x${i} = m${i};`).join('\n'),
};


module.exports = { CASES };
