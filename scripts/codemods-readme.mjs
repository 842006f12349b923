// Writes the README's codemod list from the registry (dist/codemods/registry.js, so build first);
// with --check, exits 1 when the README is stale instead of writing it. Mirrors what
// eslint-doc-generator does for the rules list.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { codemodsMarkdownList } = require('../dist/codemods/registry.js');
const BEGIN = '<!-- begin auto-generated codemods list -->';
const END = '<!-- end auto-generated codemods list -->';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const start = readme.indexOf(BEGIN);
const end = readme.indexOf(END);
if (start === -1 || end === -1) {
  console.error(`README.md: missing the ${BEGIN} / ${END} markers`);
  process.exit(1);
}
const updated = `${readme.slice(0, start + BEGIN.length)}\n\n${codemodsMarkdownList()}\n\n${readme.slice(end)}`;
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md: the codemods list is stale; run `npm run docs`.');
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync(new URL('../README.md', import.meta.url), updated);
}
