// Replaces the text between two markers in a checked-in file; with `check`, reports a stale
// file instead of writing it (exit 1), as eslint-doc-generator --check does for the rules list.
import { readFileSync, writeFileSync } from 'node:fs';

export function writeGeneratedBlock(url, name, text, check) {
  const begin = `<!-- begin auto-generated ${name} -->`;
  const end = `<!-- end auto-generated ${name} -->`;
  const file = url.pathname.split('/').slice(-2).join('/');
  const current = readFileSync(url, 'utf8');
  const start = current.indexOf(begin);
  const stop = current.indexOf(end);
  if (start === -1 || stop === -1) {
    console.error(`${file}: missing the ${begin} / ${end} markers`);
    process.exit(1);
  }
  const updated = `${current.slice(0, start + begin.length)}\n\n${text}\n\n${current.slice(stop)}`;
  if (updated === current) return;
  if (check) {
    console.error(`${file}: the ${name} is stale; run \`npm run docs\`.`);
    process.exit(1);
  }
  writeFileSync(url, updated);
}
