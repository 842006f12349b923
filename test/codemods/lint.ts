import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { rules } from '../../src/rules';

export interface LintMessage {
  ruleId: string | null;
  line: number;
  message: string;
}

/** The parsers a file is linted with: both for JavaScript (users run either), the TS one for TypeScript. */
export function parsersFor(filename: string): Array<'espree' | 'typescript-eslint'> {
  // JSON config files (sequelize-cli's config/config.json) are not JavaScript for either parser.
  if (filename.endsWith('.json')) return [];
  return /\.[cm]?tsx?$/.test(filename) ? ['typescript-eslint'] : ['espree', 'typescript-eslint'];
}

/** Lints `code` with the given plugin rules (those that are registered) under one parser; `filename` is relative. */
export function lintWith(ruleIds: readonly string[], code: string, filename: string, parser: 'espree' | 'typescript-eslint' = parsersFor(filename)[0]!): LintMessage[] {
  const registered = ruleIds.filter((id) => id in rules);
  if (registered.length === 0) return [];
  const linter = new Linter({ configType: 'flat' });
  const sourceType = /\.cjs$/.test(filename) || (/\.js$/.test(filename) && /\brequire\(/.test(code) && !/^\s*import\s/m.test(code)) ? 'commonjs' : 'module';
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'],
        plugins: { 'backing-services': { rules: rules as never } },
        languageOptions: {
          ecmaVersion: 'latest',
          sourceType,
          ...(parser === 'typescript-eslint' ? { parser: tsParser } : {}),
          parserOptions: { ecmaFeatures: { jsx: /x$/.test(filename) } },
          globals: { process: 'readonly', require: 'readonly', module: 'writable' },
        },
        rules: Object.fromEntries(registered.map((id) => [`backing-services/${id}`, 'error'])),
      },
    ],
    filename,
  );
  return messages.map((m) => ({ ruleId: m.ruleId, line: m.line, message: m.message }));
}
