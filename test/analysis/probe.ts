import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getFileAnalysis, type AnalysisContext, type FileAnalysis } from '../../src/analysis/file-analysis';
import type { Value } from '../../src/policy/value';

type Node = TSESTree.Node;

/** Runs `inspect` on the file analysis of `code`, as a rule would, and returns its result. */
export interface ProbeOptions {
  ts?: boolean;
  sourceType?: 'module' | 'commonjs';
  /** Relative to the linter's working directory (config-file conventions read it). */
  filename?: string;
  settings?: Record<string, unknown>;
  /** Globals the config declares (`globals.node` declares `require` and `process`). */
  globals?: Record<string, 'readonly' | 'writable'>;
}

export function withAnalysis<T>(code: string, inspect: (analysis: FileAnalysis, sourceCode: TSESLint.SourceCode) => T, options: ProbeOptions = {}): T {
  let result: T | undefined;
  let failure: unknown;
  let ran = false;
  const probe = {
    create(context: AnalysisContext) {
      return {
        Program() {
          ran = true;
          try {
            result = inspect(getFileAnalysis(context), context.sourceCode);
          } catch (error) {
            failure = error;
          }
        },
      };
    },
  };
  const linter = new Linter();
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js', '**/*.ts', '**/*.mjs', '**/*.cjs'],
        plugins: { probe: { rules: { probe } } } as unknown as Linter.Config['plugins'],
        rules: { 'probe/probe': 'error' },
        languageOptions: { sourceType: options.sourceType ?? 'module', ...(options.ts ? { parser: tsParser } : {}), ...(options.globals ? { globals: options.globals } : {}) },
        ...(options.settings ? { settings: options.settings } : {}),
      },
    ],
    options.filename ?? (options.ts ? 'file.ts' : 'file.js'),
  );
  if (failure) throw failure;
  if (!ran) throw new Error('the probe did not run');
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return result as T;
}

/** A JSON-friendly view of a value without nodes, for `toEqual` assertions. */
export function plain(value: Value<Node> | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'template':
      return { template: value.parts.map((p) => (typeof p === 'string' ? p : plain(p))) };
    case 'object':
      return { ...Object.fromEntries(value.props.map((p) => [p.key, plain(p.value)])), ...(value.open ? { '...': true } : {}) };
    case 'array':
      return value.elements.map(plain);
    case 'env':
      return { env: value.name ?? null, source: value.source, ...(value.fallback ? { fallback: plain(value.fallback) } : {}) };
    case 'function':
      return { function: value.neverFails ? 'never-fails' : 'may-fail' };
    case 'conditional':
      return { conditional: value.branches.map(plain) };
    case 'unknown':
      return '?';
  }
}

/** Evaluates the initializer of the last `const probe = ...` in `code`. */
export function evaluateProbe(code: string, options?: { ts?: boolean; sourceType?: 'module' | 'commonjs' }): unknown {
  return withAnalysis(
    code,
    (analysis, sourceCode) => {
      const declarator = [...sourceCode.ast.body]
        .reverse()
        .flatMap((s) => (s.type === 'VariableDeclaration' ? s.declarations : []))
        .find((d) => d.id.type === 'Identifier' && d.id.name === 'probe');
      if (!declarator?.init) throw new Error('no `const probe = ...` in the code');
      return plain(analysis.evaluator.evaluate(declarator.init));
    },
    options,
  );
}
