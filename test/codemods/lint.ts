import { basename } from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { rules } from '../../src/rules';

export interface LintMessage {
  ruleId: string | null;
  line: number;
  message: string;
}

/** Lints `code` with the given plugin rules (those that are registered), as a .ts or .js file. */
export function lintWith(ruleIds: readonly string[], code: string, filename: string): LintMessage[] {
  const registered = ruleIds.filter((id) => id in rules);
  if (registered.length === 0) return [];
  const linter = new Linter({ configType: 'flat' });
  const isTs = /\.[cm]?tsx?$/.test(filename);
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
          ...(isTs ? { parser: tsParser } : {}),
          parserOptions: { ecmaFeatures: { jsx: /x$/.test(filename) } },
          globals: { process: 'readonly', require: 'readonly', module: 'writable' },
        },
        rules: Object.fromEntries(registered.map((id) => [`backing-services/${id}`, 'error'])),
      },
    ],
    basename(filename),
  );
  return messages.map((m) => ({ ruleId: m.ruleId, line: m.line, message: m.message }));
}
