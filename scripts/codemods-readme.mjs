// Writes the README's codemod list from the registry (dist/codemods/registry.js, so build first);
// with --check, exits 1 when the README is stale instead of writing it.
import { createRequire } from 'node:module';
import { writeGeneratedBlock } from './generated-block.mjs';

const require = createRequire(import.meta.url);
const { codemodsMarkdownList } = require('../dist/codemods/registry.js');
writeGeneratedBlock(new URL('../README.md', import.meta.url), 'codemods list', codemodsMarkdownList(), process.argv.includes('--check'));
