import { createRequire } from 'node:module';
import { RuleTester as TsRuleTester } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import * as espree from 'espree';
import { afterAll, describe, it } from 'vitest';

/**
 * One case list, run under espree and under the typescript-eslint parser. Cases are kept to
 * what ESLint's own RuleTester also accepts, so `npm run test:eslint9` can run the same lists
 * with ESLint 9's tester.
 */
export interface ValidCase {
  code: string;
  /** `'module'` (default) or `'commonjs'`. */
  sourceType?: 'module' | 'commonjs';
  options?: unknown[];
  filename?: string;
  /** TypeScript syntax: skip espree. */
  tsOnly?: boolean;
  name?: string;
}

export interface ExpectedError {
  messageId: string;
  data?: Record<string, unknown>;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  suggestions?: Array<{ messageId: string; data?: Record<string, unknown>; output: string }>;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

interface Tester {
  run(name: string, rule: unknown, tests: { valid: unknown[]; invalid: unknown[] }): void;
}

const requireHere = createRequire(__filename);

/** Which RuleTester runs the suites: ESLint 9's own under `test:eslint9`, else typescript-eslint's on ESLint 10. */
export function testerImplementation(): { name: 'eslint9' | 'typescript-eslint'; eslintVersion: string } {
  if (process.env.BACKING_SERVICES_ESLINT === '9') {
    return { name: 'eslint9', eslintVersion: (requireHere('eslint9/package.json') as { version: string }).version };
  }
  return { name: 'typescript-eslint', eslintVersion: (requireHere('eslint/package.json') as { version: string }).version };
}

function createTester(languageOptions: Record<string, unknown>): Tester {
  if (testerImplementation().name === 'eslint9') {
    const { RuleTester } = requireHere('eslint9') as { RuleTester: (new (config: unknown) => Tester) & Record<string, unknown> };
    Object.assign(RuleTester, { describe, it, itOnly: it.only, afterAll });
    return new RuleTester({ languageOptions });
  }
  return new TsRuleTester({ languageOptions }) as unknown as Tester;
}

const parsers = {
  espree: { parser: espree, ecmaVersion: 'latest' },
  typescript: { parser: tsParser, ecmaVersion: 'latest' },
} as const;

function toTesterCase(c: ValidCase, parser: keyof typeof parsers): Record<string, unknown> {
  const { tsOnly: _tsOnly, sourceType = 'module', filename, ...rest } = c;
  return {
    ...rest,
    filename: filename ?? (parser === 'typescript' ? 'file.ts' : 'file.js'),
    languageOptions: { sourceType },
    name: `${parser}: ${c.name ?? c.code.slice(0, 100)}`,
  };
}

export function ruleTests(name: string, rule: unknown, tests: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  for (const parser of Object.keys(parsers) as Array<keyof typeof parsers>) {
    const tester = createTester(parsers[parser]);
    const keep = (c: ValidCase): boolean => parser === 'typescript' || !c.tsOnly;
    tester.run(`${name} (${parser})`, rule, {
      valid: tests.valid.filter(keep).map((c) => toTesterCase(c, parser)),
      invalid: tests.invalid.filter(keep).map((c) => toTesterCase(c, parser)),
    });
  }
}

/** The same snippet as an ES module and as CommonJS: `imports` gives both header forms. */
export function bothModuleForms(esm: string, cjs: string, body: string): Array<Pick<ValidCase, 'code' | 'sourceType'>> {
  return [
    { code: `${esm}\n${body}`, sourceType: 'module' },
    { code: `${cjs}\n${body}`, sourceType: 'commonjs' },
  ];
}
