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

/** verify-tls also makes the host name checked (mysql2's `verifyIdentity`), which `strict` asks for. */
const OPTIONS: Record<string, unknown[]> = { 'no-unverified-tls': [{ checkHostname: true }] };

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
        rules: Object.fromEntries(registered.map((id) => [`backing-services/${id}`, ['error', ...(OPTIONS[id] ?? [])]])),
      },
    ],
    filename,
  );
  return messages.map((m) => ({ ruleId: m.ruleId, line: m.line, message: m.message }));
}

/**
 * The texts of `code` a secret could be written in: string, template, number and JSX text
 * tokens and comments (not keys or identifiers: `password: process.env.X` holds no secret),
 * or every string value of a JSON document.
 */
export function valueTexts(code: string, filename: string): string[] {
  if (filename.endsWith('.json')) {
    const out: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') out.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(JSON.parse(code));
    return out;
  }
  const linter = new Linter({ configType: 'flat' });
  const parser = parsersFor(filename).at(-1)!;
  linter.verify(code, [{ files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module', ...(parser === 'typescript-eslint' ? { parser: tsParser } : {}), parserOptions: { ecmaFeatures: { jsx: true } } } }], filename);
  const sourceCode = linter.getSourceCode();
  const tokens = sourceCode.ast.tokens.filter((t) => ['String', 'Template', 'Numeric', 'JSXText', 'RegularExpression'].includes(t.type));
  return [...tokens, ...sourceCode.getAllComments()].map((t) => sourceCode.getText(t as never));
}
