// `npm run field:migrate`: the migration on the field corpus. Every labelled file is rebuilt by
// `npm run field` into `.field/` first; this lints each with every rule but
// no-client-outside-resource-module, runs `migrate all` on it in memory (as the CLI would, from
// its repository's root), lints the output, and checks: the findings that are gone, those left
// and whether each sits below a marker, findings the output has that the input had not, outputs
// that do not parse, a second run that changes something, and secrets of the input in the output
// (in any string, template, number or comment of the code, or any string value of a JSON file: a
// key or identifier spelled like a weak password, `password: process.env.X`, is not one). A JSON
// file holds no marker comment: a finding at the line of a note the codemod reports for it (what
// `--report` lists) counts as at a marker.
//
//   node scripts/field/migrate.mjs [--manifest FILE ...] [--config-modules] [--json FILE] [--quiet]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../../bench/corpus.mjs';
import { PLUGIN_PATH } from '../../bench/configs.mjs';
import { lintOptionsFor } from './lint-options.mjs';
import { fieldRoot } from './paths.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const values = (name) => args.flatMap((a, i) => (args[i - 1] === name ? [a] : []));
const manifests = values('--manifest').length > 0 ? values('--manifest') : [join(ROOT, 'test/field/manifest.json')];
const quiet = args.includes('--quiet');
const configModules = args.includes('--config-modules');
const NOT_MIGRATED = 'backing-services/no-client-outside-resource-module';

const { Linter } = require('eslint');
const plugin = require(PLUGIN_PATH);
const { runCodemod, markersIn } = require(join(ROOT, 'dist/codemods/engine.js'));
const linter = new Linter({ configType: 'flat' });

const entries = manifests.flatMap((file) => JSON.parse(readFileSync(file, 'utf8')));
const lint = (text, root, path) => {
  const options = lintOptionsFor(path, text, plugin);
  if (!options) return { fatal: 'no parser', findings: [] };
  const messages = linter.verify(text, options, { filename: join(root, path) });
  const fatal = messages.find((m) => m.fatal)?.message;
  return { fatal, findings: messages.filter((m) => m.ruleId && m.ruleId !== NOT_MIGRATED), sourceCode: fatal ? undefined : linter.getSourceCode() };
};
/** Whether `secret` is written anywhere in the output as a value or in a comment. */
const holdsSecret = (output, secret, path, sourceCode) => {
  if (path.endsWith('.json')) {
    const strings = [];
    const walk = (v) => (typeof v === 'string' ? strings.push(v) : v && typeof v === 'object' ? Object.values(v).forEach(walk) : undefined);
    try {
      walk(JSON.parse(output));
    } catch {
      return output.includes(secret);
    }
    return strings.some((s) => s.includes(secret));
  }
  // Without the parsed output, the plain text is all there is to look at.
  if (!sourceCode?.ast.tokens) return output.includes(secret);
  const values = sourceCode.ast.tokens.filter((t) => t.type === 'String' || t.type === 'Template' || t.type === 'JSXText' || t.type === 'Numeric' || t.type === 'RegularExpression');
  return [...values, ...sourceCode.getAllComments()].some((t) => sourceCode.getText(t).includes(secret));
};
/**
 * Lines of statements that carry a marker: from the marker's line to the next blank line; and
 * the line of each note the codemod reports for a JSON file (which holds no comment: its
 * markers are in the report, at the entry they are about).
 */
const markedLines = (text, notes) => {
  const lines = text.split('\n');
  const marked = new Set(notes.map((note) => note.line));
  for (const note of markersIn(text)) for (let k = note.line - 1; k < lines.length && lines[k].trim() !== ''; k++) marked.add(k + 1);
  return marked;
};

const totals = { files: 0, missing: 0, before: 0, after: 0, atMarkers: 0, changed: 0, errors: 0, unparsable: 0, notIdempotent: 0, secretsLeft: 0, newFindings: 0 };
const left = [];
const marked = [];
const problems = [];
for (const entry of entries) {
  const root = fieldRoot(entry);
  const file = join(root, entry.path);
  if (!existsSync(file)) {
    totals.missing++;
    continue;
  }
  totals.files++;
  const text = readFileSync(file, 'utf8');
  const before = lint(text, root, entry.path);
  totals.before += before.findings.length;
  let result;
  try {
    result = runCodemod('all', text, file, { cwd: root, configModules });
  } catch (error) {
    totals.errors++;
    problems.push(`${entry.repo}:${entry.path}: the codemod threw: ${String(error.message ?? error).split('\n')[0]}`);
    totals.after += before.findings.length;
    continue;
  }
  const output = result.output;
  if (result.changed) totals.changed++;
  const after = result.changed ? lint(output, root, entry.path) : before;
  if (after.fatal && !before.fatal) {
    totals.unparsable++;
    problems.push(`${entry.repo}:${entry.path}: the output does not parse: ${after.fatal}`);
  }
  if (result.changed) {
    const again = runCodemod('all', output, file, { cwd: root, configModules });
    if (again.changed) {
      totals.notIdempotent++;
      problems.push(`${entry.repo}:${entry.path}: a second run changes the output again`);
    }
    for (const secret of result.secrets) {
      if (holdsSecret(output, secret, entry.path, after.sourceCode)) {
        totals.secretsLeft++;
        problems.push(`${entry.repo}:${entry.path}: a secret of the input is still in the output (${secret.length} characters)`);
      }
    }
  }
  totals.after += after.findings.length;
  const markedAt = markedLines(output, result.markerNotes);
  for (const f of after.findings) {
    const where = `${entry.repo}:${entry.path}:${f.line} ${f.ruleId.replace('backing-services/', '')}`;
    if (markedAt.has(f.line)) {
      totals.atMarkers++;
      marked.push(where);
    } else left.push(`${entry.repo}:${entry.path}:${f.line} ${f.ruleId.replace('backing-services/', '')}: ${f.message.slice(0, 140)}`);
  }
  // A rule reporting more often after than before has found something the rewrite introduced.
  const count = (list) => list.reduce((m, f) => m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1), new Map());
  const b = count(before.findings);
  for (const [rule, n] of count(after.findings)) {
    if (n > (b.get(rule) ?? 0)) {
      totals.newFindings += n - (b.get(rule) ?? 0);
      problems.push(`${entry.repo}:${entry.path}: ${n - (b.get(rule) ?? 0)} new ${rule.replace('backing-services/', '')} finding(s)`);
    }
  }
}

const gone = totals.before === 0 ? 0 : (100 * (totals.before - totals.after)) / totals.before;
console.log(`field corpus, migrate all${configModules ? ' --config-modules' : ''}: ${totals.files} files (${totals.missing} not rebuilt: run npm run field first), ${totals.changed} changed`);
console.log(`findings (every rule but no-client-outside-resource-module): ${totals.before} before, ${totals.after} after: ${gone.toFixed(1)}% gone; of those left, ${totals.atMarkers} below a marker, ${totals.after - totals.atMarkers} not`);
console.log(`new findings ${totals.newFindings}, outputs that do not parse ${totals.unparsable}, second runs that change something ${totals.notIdempotent}, secrets left in outputs ${totals.secretsLeft}, codemod errors ${totals.errors}`);
if (!quiet) {
  console.log(`\nleft, not below a marker (${left.length}):`);
  for (const l of left) console.log(`  ${l}`);
  console.log(`\nproblems (${problems.length}):`);
  for (const p of problems) console.log(`  ${p}`);
}
const json = values('--json')[0];
if (json) writeFileSync(json, `${JSON.stringify({ ...totals, gone, left, marked, problems }, null, 2)}\n`);
