// The subpath, not the package root: the root also loads @typescript-eslint/scope-manager and
// more (about 200 modules), which costs every ESLint start-up and which no rule needs.
import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';

export interface PluginDocs {
  description: string;
  /** In the `recommended` config (and so in `strict`). */
  recommended?: boolean;
  /** In `strict` only (when not recommended). */
  strict?: boolean;
  /** Options that `strict` passes instead of the defaults. */
  strictOptions?: unknown[];
  /**
   * Off in test files (`TEST_FILES` in configs.ts) in `recommended` and `strict`: fixtures that
   * point at a test container are normal there.
   */
  relaxedInTests?: boolean;
  requiresTypeChecking?: boolean;
  /** SARIF `security-severity` (0-10) used by the audit's SARIF output. */
  securitySeverity: number;
}

export const REPO_URL = 'https://github.com/backing-services/eslint-plugin-backing-services';

export const createRule = RuleCreator<PluginDocs>(
  (name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`,
);
