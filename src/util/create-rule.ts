import { ESLintUtils } from '@typescript-eslint/utils';

export interface PluginDocs {
  description: string;
  /** In the `recommended` config (and so in `strict`). */
  recommended?: boolean;
  /** In `strict` only (when not recommended). */
  strict?: boolean;
  /** Options that `strict` passes instead of the defaults. */
  strictOptions?: unknown[];
  requiresTypeChecking?: boolean;
  /** SARIF `security-severity` (0-10) used by the audit's SARIF output. */
  securitySeverity: number;
}

export const REPO_URL = 'https://github.com/backing-services/eslint-plugin-backing-services';

export const createRule = ESLintUtils.RuleCreator<PluginDocs>(
  (name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`,
);
