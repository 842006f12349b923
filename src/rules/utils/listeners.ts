import type { TSESLint } from '@typescript-eslint/utils';

/**
 * Listeners that run `check` once per file: at the root of a program (JavaScript, TypeScript)
 * or of a JSON document (ESLint's JSON language, for config files such as `config/config.json`).
 */
export function oncePerFile(check: () => void): TSESLint.RuleListener {
  return { Program: check, Document: check } as TSESLint.RuleListener;
}
