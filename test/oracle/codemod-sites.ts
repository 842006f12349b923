/**
 * The clients the codemods' fixture outputs build, found by the plugin's own analysis (the
 * same one the rules use): every `<case>.output.*` under test/codemods/fixtures, linted under
 * its real name (`knexfile.js`, `config/config.json`) so config-file conventions apply.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule, type SourceCode } from 'eslint';
import { getFileAnalysis, type ClientSite, type GlobalDefaultsWrite } from '../../src/analysis/file-analysis';
import type { ObjectValue } from '../../src/policy/value';
import { jsonLanguage } from '../../src/util/json-language';

export const FIXTURES = join(__dirname, '../codemods/fixtures');

/** Every fixture output, found by name so that new fixtures are covered without a list. */
export function fixtureOutputs(dir = FIXTURES): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? fixtureOutputs(join(dir, entry.name)) : /\.output\.[a-z]+$/.test(entry.name) ? [join(dir, entry.name)] : []))
    .sort();
}

/** `all/config/config.output.json` → `all/config/config.json`: the name the tools look for. */
function realName(file: string): string {
  return join(dirname(file), basename(file).replace('.output.', '.'));
}

export interface OutputSite {
  /** The fixture output, relative to the fixtures directory. */
  fixture: string;
  line: number;
  site: ClientSite;
  /** Writes into the library's process-wide defaults in the same file (`pg.defaults.ssl = ...`). */
  defaults: Array<ObjectValue<unknown>>;
  /** The codemod's marker comment on the statement that builds it, when it left one. */
  marker?: string;
}

/** The client sites of one output file, one per construction or configuration object. */
export function outputSites(file: string): OutputSite[] {
  const found: ClientSite[] = [];
  const defaults: GlobalDefaultsWrite[] = [];
  const markers: Array<{ text: string; range: [number, number] }> = [];
  const collect: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      const done = (): void => {
        const analysis = getFileAnalysis(context as never);
        found.push(...analysis.sites);
        if (analysis.isJson) return;
        defaults.push(...analysis.globalDefaultsWrites);
        markers.push(...markedStatements(context.sourceCode));
      };
      return { 'Program:exit': done, 'Document:exit': done };
    },
  };
  const name = realName(relative(FIXTURES, file));
  const isJson = name.endsWith('.json');
  if (isJson && !jsonLanguage) throw new Error('@eslint/json is needed to read JSON config outputs');
  const plugins = { oracle: { rules: { collect } }, ...(isJson ? { bs: { languages: { json: jsonLanguage! } } } : {}) };
  const config: Linter.Config = isJson
    ? { files: ['**/*.json'], plugins, language: 'bs/json', rules: { 'oracle/collect': 'error' } }
    : {
        files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'],
        plugins,
        languageOptions: {
          ecmaVersion: 'latest',
          sourceType: /\.cjs$/.test(name) || (/\.js$/.test(name) && !/^\s*(import|export)\s/m.test(readFileSync(file, 'utf8'))) ? 'commonjs' : 'module',
          ...(/\.[cm]?tsx?$/.test(name) ? { parser: tsParser } : {}),
          parserOptions: { ecmaFeatures: { jsx: /x$/.test(name) } },
        },
        rules: { 'oracle/collect': 'error' },
      };
  const messages = new Linter({ configType: 'flat' }).verify(readFileSync(file, 'utf8'), [config], name);
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${name}: ${fatal.message}`);
  // One site per node: variants of one call's nested choices are the same client here.
  const seen = new Set<unknown>();
  return found
    .filter((site) => !seen.has(site.node) && seen.add(site.node))
    .map((site) => {
      const node = site.node as { range?: [number, number]; loc?: { start: { line: number } } };
      const marker = markers.find((m) => node.range && node.range[0] >= m.range[0] && node.range[1] <= m.range[1])?.text;
      return {
        fixture: relative(FIXTURES, file),
        line: node.loc?.start.line ?? 0,
        site,
        defaults: defaults.filter((d) => d.assignment.entry.id === site.entry.id).map((d) => d.options as ObjectValue<unknown>),
        ...(marker ? { marker } : {}),
      };
    });
}

/** Each `/* backing-services: ... *\/` marker with the range of the statement that follows it. */
function markedStatements(sourceCode: SourceCode): Array<{ text: string; range: [number, number] }> {
  return sourceCode.getAllComments().flatMap((comment) => {
    const text = comment.value.trim();
    if (!text.startsWith('backing-services:')) return [];
    const token = sourceCode.getTokenAfter(comment);
    if (!token) return [];
    // The largest node that starts at the next token: the statement the marker is about.
    let node = sourceCode.getNodeByRangeIndex(token.range[0]) as (Rule.Node & { parent?: Rule.Node }) | null;
    while (node?.parent && node.parent.range?.[0] === token.range[0] && node.parent.type !== 'Program') node = node.parent;
    return node?.range ? [{ text, range: node.range }] : [];
  });
}
