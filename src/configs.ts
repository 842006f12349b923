import type { ESLint, Linter } from 'eslint';
import type { PluginDocs } from './util/create-rule';

export const NAMESPACE = 'backing-services';

interface RuleWithDocs {
  meta?: { docs?: Partial<PluginDocs> };
}

export type ConfigName = 'recommended' | 'strict' | 'all';

/** Rules for each config, derived from rule metadata so no list is kept twice. */
export function ruleEntries(rules: Record<string, RuleWithDocs>, config: ConfigName): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const [id, rule] of Object.entries(rules)) {
    const docs = rule.meta?.docs ?? {};
    const name = `${NAMESPACE}/${id}`;
    if (config === 'all') entries[name] = 'error';
    else if (docs.recommended) {
      entries[name] = config === 'strict' && docs.strictOptions ? ['error', ...docs.strictOptions] : 'error';
    } else if (config === 'strict' && docs.strict) {
      entries[name] = docs.strictOptions ? ['error', ...docs.strictOptions] : 'error';
    }
  }
  return entries;
}

export function createConfigs(plugin: ESLint.Plugin, rules: Record<string, RuleWithDocs>): Record<ConfigName, Linter.Config> {
  const make = (config: ConfigName): Linter.Config => ({
    name: `${NAMESPACE}/${config}`,
    plugins: { [NAMESPACE]: plugin },
    rules: ruleEntries(rules, config),
  });
  return { recommended: make('recommended'), strict: make('strict'), all: make('all') };
}
