// The subpath, not the package root: the root also loads @typescript-eslint/scope-manager and
// more (about 200 modules), which costs every ESLint start-up and which no rule needs.
import { applyDefault, RuleCreator, type RuleModule, type RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';

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

const createDocumentedRule = RuleCreator<PluginDocs>(
  (name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`,
);

/**
 * `RuleCreator`, except that the options merged with the defaults are computed once per
 * configured options object, not once per file: `applyDefault` deep-clones the defaults with
 * `structuredClone`, which for ten rules cost more than the rules' own work on files without a
 * client. The merged options are frozen, so no rule can carry state from one file to the next
 * in them.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<RuleWithMetaAndName<Options, MessageIds, PluginDocs>>,
): RuleModule<MessageIds, Options, PluginDocs> & { name: string } {
  const documented = createDocumentedRule(rule);
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as Options;
  const merged = new WeakMap<object, Readonly<Options>>();
  return {
    ...documented,
    create(context) {
      const key = optionsKey(context.options);
      let options = key && merged.get(key);
      if (!options) {
        options = deepFreeze(applyDefault(defaults, context.options) as Readonly<Options>);
        if (key) merged.set(key, options);
      }
      return rule.create(context, options);
    },
  };
}

const NO_OPTIONS = {};

/**
 * What identifies a rule entry's options across files. ESLint builds a new `context.options`
 * array per file (merged with `meta.defaultOptions`), but the options object inside is the same
 * one for every file of an entry unless it was merged with user options; those, and anything
 * else, are merged again per file as before.
 */
function optionsKey(options: readonly unknown[]): object | undefined {
  if (options.length === 0) return NO_OPTIONS;
  const [first] = options;
  return options.length === 1 && typeof first === 'object' && first !== null ? first : undefined;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
