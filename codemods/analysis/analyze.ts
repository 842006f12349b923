import { isAbsolute, parse as parsePath, resolve } from 'node:path';
import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import { getFileAnalysis, type FileAnalysis } from '../../src/analysis/file-analysis';
import { languageConfigs } from '../../src/cli/language-config';
import type { LanguageOptions } from '../../src/analysis/module-files';

/** What the codemods know about one text: the rules' own analysis and the tree it read. */
export interface AnalyzedText {
  analysis: FileAnalysis;
  sourceCode: TSESLint.SourceCode;
}

export interface AnalysisOptions {
  /** ESLint shared settings (`settings['backing-services'].modules`), as the rules get them. */
  settings?: Record<string, unknown>;
  /** Where the settings' relative module keys are resolved from. */
  cwd?: string;
}

/**
 * A rule that only captures its context: the codemods read `getFileAnalysis` from it, so they
 * see exactly the sites, values and verdicts the rules see, parsed by the same parser.
 */
let captured: { sourceCode: TSESLint.SourceCode; languageOptions: LanguageOptions } | undefined;
/**
 * Thrown by the probe once it has the file's SourceCode: by then ESLint has parsed the text,
 * analysed its scopes, applied the globals and set every node's parent, and what it would do
 * next (code-path analysis, a traversal for listeners) the codemods do not need.
 */
const CAPTURED = new Error('backing-services: the codemod probe has what it needs');
const probe = {
  meta: { type: 'problem' as const, schema: [] },
  create(context: { sourceCode: TSESLint.SourceCode; languageOptions: LanguageOptions }) {
    // The parser too: the rules read the project modules a file chooses between with it.
    captured = { sourceCode: context.sourceCode, languageOptions: context.languageOptions };
    throw CAPTURED;
  },
};

const PROBE_CONFIG: Linter.Config = {
  name: 'backing-services/codemods/probe',
  files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
  plugins: { 'backing-services-codemods': { rules: { probe } } } as unknown as Linter.Config['plugins'],
  rules: { 'backing-services-codemods/probe': 'error' },
};
// ESLint ignores `node_modules` and `.git` by default; a codemod run on such a file (through
// jscodeshift, or the bench corpus) must still see it.
const UNIGNORE: Linter.Config = { name: 'backing-services/codemods/every-file', ignores: ['!**/node_modules/', '!.git/'] };
const CONFIGS: Linter.Config[] = [UNIGNORE, ...languageConfigs('backing-services/codemods'), PROBE_CONFIG];
/** For a `.js` file with JSX, which the rules' default espree options refuse. */
const JSX_CONFIGS: Linter.Config[] = [...CONFIGS, { files: ['**/*.{js,mjs,cjs}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } }];
/** For a `.js` CommonJS module that a module's strict mode refuses (`var static = require(...)`). */
const SCRIPT_CONFIGS: Linter.Config[] = [...CONFIGS, { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } }];

// One Linter per file-system root: it resolves `files` patterns against its cwd, so an absolute
// path must lie inside it. Linters hold no per-file state between `verify` calls.
const linters = new Map<string, Linter>();

/**
 * Parses `text` as the rules would (espree for JS, the typescript-eslint parser for TS) and
 * returns the file analysis, or the parser's message when neither the rules' options, JSX nor
 * (for `.js`) CommonJS make it parse.
 */
export function analyzeText(text: string, path: string, options: AnalysisOptions = {}): AnalyzedText | { error: string } {
  const cwd = options.cwd ?? process.cwd();
  const filename = isAbsolute(path) ? path : resolve(cwd, path || 'file.ts');
  const root = parsePath(filename).root;
  let linter = linters.get(root);
  if (!linter) linters.set(root, (linter = new Linter({ cwd: root, configType: 'flat' })));
  let error = '';
  for (const configs of /\.[cm]?js$/.test(filename) ? [CONFIGS, JSX_CONFIGS, SCRIPT_CONFIGS] : [CONFIGS]) {
    captured = undefined;
    let messages: Linter.LintMessage[] = [];
    try {
      messages = linter.verify(text, configs, filename);
    } catch (error) {
      if (error !== CAPTURED) throw error;
    }
    const probed = captured as { sourceCode: TSESLint.SourceCode; languageOptions: LanguageOptions } | undefined;
    captured = undefined;
    if (probed) {
      const { sourceCode, languageOptions } = probed;
      // The analysis is keyed by SourceCode: this context is the one every later call gets.
      const analysis = getFileAnalysis({ sourceCode, filename, cwd, settings: options.settings ?? {}, languageOptions });
      return { analysis, sourceCode };
    }
    error ||= messages.find((m) => m.fatal)?.message ?? 'the file could not be analysed';
  }
  return { error };
}
