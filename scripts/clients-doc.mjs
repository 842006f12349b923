// Writes docs/clients.md's table from the catalog (dist/src/catalog, so build first): every
// library the rules and codemods know, how its configuration is found, and what it is judged
// as. With --check, exits 1 when the page is stale instead of writing it.
import { createRequire } from 'node:module';
import { writeGeneratedBlock } from './generated-block.mjs';

const require = createRequire(import.meta.url);
const { catalog, entryById } = require('../dist/src/catalog/index.js');

const code = (text) => `\`${text}\``;

/** `new Pool(...)`, `createClient(...)`, `TypeOrmModule.forRoot(...)`; the module itself as `knex(...)`. */
function calls(entry) {
  const seen = new Set();
  for (const factory of entry.factories) {
    // The module itself (`require('knex')(...)`, memcached's `().connect`) by its package name.
    const name = (entry.modules[0] ?? entry.id).replace(/^.*\//, '').replace(/\W+/g, '');
    const callee = factory.path === '' ? name : factory.path.startsWith('(') ? `${name}${factory.path}` : factory.path;
    // `{ store: redisStore, ... }`: handed in beside the options, not called.
    if (factory.invoke === 'value') {
      seen.add(code(`{ ${factory.key}: ${factory.path === '' ? 'the module' : factory.path}, ... }`));
      continue;
    }
    // `app.register(the module, { ... })`: a framework plugin, registered with its options.
    if (factory.invoke === 'plugin') {
      seen.add(code(`app.register(${factory.path === '' ? 'the module' : factory.path}, { ... })`));
      continue;
    }
    // `new (connectRedis(session))(...)`: what `new` applies to is the call's result.
    const target = factory.invoke === 'new' && callee.includes('(') && !callee.includes('.') ? `(${callee})` : callee;
    seen.add(code(`${factory.invoke === 'new' ? 'new ' : ''}${target}(...)`));
  }
  return [...seen];
}

function foundBy(entry) {
  const ways = [];
  const own = calls(entry);
  if (own.length > 0) ways.push(own.join(', '));
  if (entry.optionTypes?.length) ways.push(`options typed ${[...new Set(entry.optionTypes.map((t) => code(t.path)))].join(', ')}`);
  for (const file of entry.configFiles ?? []) {
    ways.push(`${code(`${file.dir ? `${file.dir}/` : ''}${file.name}.{${file.extensions.join(',')}}`)} (${file.layout === 'per-environment' ? 'per environment' : file.layout === 'either' ? 'options or per environment' : 'options'})`);
  }
  if (entry.shape) {
    const hints = [];
    if (entry.shape.discriminator) hints.push(`${code(entry.shape.discriminator.path)}: ${entry.shape.discriminator.values.map((v) => code(`'${v}'`)).join(' ')}`);
    if (entry.shape.names?.length) hints.push(`named ${entry.shape.names.map(code).join(' ')}`);
    if (entry.shape.ports?.length) hints.push(`port ${entry.shape.ports.join('/')}`);
    if (entry.shape.markers?.length) hints.push(`with ${entry.shape.markers.map(code).join(' ')}`);
    ways.push(`exported configuration by shape (${hints.join('; ')})`);
  }
  return ways.join('; ') || 'through the wrapper that dispatches to it';
}

const rows = catalog.map((entry) => {
  // A wrapper that hands its options to the client its transport names (NestJS microservices).
  const dispatched = [...new Set(entry.factories.flatMap((f) => Object.values(f.dispatch?.cases ?? {})))].map((id) => entryById(id)?.displayName ?? id);
  const wraps = entry.wraps ? entryById(entry.wraps)?.displayName ?? entry.wraps : '';
  const judged = dispatched.length > 0 ? `its transport's: ${dispatched.join(', ')}` : wraps ? `${wraps}'s facts` : 'its own';
  const modules = entry.modulePrefix ? [`${entry.modulePrefix}*`] : entry.modules;
  return `| ${entry.displayName} | ${code(entry.id)} | ${modules.map(code).join(', ') || '-'} | ${foundBy(entry)} | ${judged} |`;
});
const table = ['| library | settings name | imported from | configuration found in | judged by |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
writeGeneratedBlock(new URL('../docs/clients.md', import.meta.url), 'clients table', table, process.argv.includes('--check'));
