// Inputs that break analyses in practice: huge literals and URLs, deep nesting, long alias
// chains and cycles, thousands of clients in one file, minified bundles, strings shaped to make
// a backtracking regular expression explode. Every rule of `all` runs on each, under espree and
// the typescript-eslint parser; each must complete without an exception or a fatal message.
// Speed is the benchmark's business (`npm run bench`), not asserted here.
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { CASES } from '../../bench/pathological-cases.cjs';
import plugin from '../../src/index';

const languages = {
  espree: { ecmaVersion: 'latest', sourceType: 'commonjs' },
  'typescript-eslint': { parser: tsParser, sourceType: 'module' },
} as const;

describe('pathological inputs', () => {
  const linter = new Linter({ configType: 'flat' });
  const all = ([] as unknown[]).concat(plugin.configs.all) as Linter.Config[];

  for (const [name, code] of Object.entries(CASES)) {
    for (const [parser, languageOptions] of Object.entries(languages)) {
      it(`${name} (${parser})`, () => {
        const messages = linter.verify(code, [{ files: ['**/*.js', '**/*.ts'], languageOptions: languageOptions as Linter.LanguageOptions }, ...all], {
          filename: parser === 'espree' ? 'bundle.js' : 'bundle.ts',
        });
        expect(messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([]);
        for (const message of messages) {
          expect(message.ruleId).toMatch(/^backing-services\//);
          // Messages stay short whatever the input, and never quote a secret.
          expect(message.message.length).toBeLessThan(600);
          expect(message.message).not.toMatch(/hunter2|secret\d|pw-\d/);
        }
      });
    }
  }

  it('finds the clients in the many-clients file (the analysis does not give up early)', () => {
    const messages = linter.verify(CASES['thousands of clients in one file']!, [{ files: ['**/*.js'], languageOptions: languages.espree }, ...all], { filename: 'many.js' });
    const tls = messages.filter((m) => m.ruleId === 'backing-services/no-unverified-tls');
    expect(tls.length).toBeGreaterThanOrEqual(100);
  });
});
