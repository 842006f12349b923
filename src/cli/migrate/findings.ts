import { isAbsolute, parse, resolve } from 'node:path';
import { Linter } from 'eslint';
import { NAMESPACE, ruleEntries } from '../../configs';
import plugin from '../../index';
import { languageConfigs } from '../language-config';

/** Where the rule does not judge a migration: where clients are built is an architecture choice. */
export const NOT_MIGRATED_RULES: readonly string[] = ['no-client-outside-resource-module'];

/** Every rule of the plugin but those a migration does not address, as the `all` config turns them on. */
const RULES: Linter.RulesRecord = Object.fromEntries(
  Object.entries(ruleEntries(plugin.rules as Parameters<typeof ruleEntries>[0], 'all')).filter(([id]) => !NOT_MIGRATED_RULES.some((r) => id === `${NAMESPACE}/${r}`)),
);

/** The tools' JSON config files, through the JSON language, as the `all` config lints them (when @eslint/json is installed). */
const JSON_CONFIGS: Linter.Config[] = plugin.configs.all
  .filter((c) => c.language === `${NAMESPACE}/json`)
  .map((c) => ({ ...c, rules: Object.fromEntries(Object.entries(c.rules ?? {}).filter(([id]) => id in RULES)) }));

const CONFIGS: Linter.Config[] = [
  // A migration is judged on every file it read, wherever it lies.
  { name: 'backing-services/migrate/every-file', ignores: ['!**/node_modules/', '!.git/'] },
  ...languageConfigs('backing-services/migrate'),
  { name: 'backing-services/migrate/rules', files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], plugins: { 'backing-services': plugin }, rules: RULES },
  ...JSON_CONFIGS,
];

/** A finding: its line and rule, never its message text (which names the client, not a secret, but stays out of the summary). */
export interface Finding {
  line: number;
  ruleId: string;
}

/**
 * Lints one text with the plugin's rules as `audit --config all` would, for the migration's
 * before-and-after count (JSON config files too, when the JSON language is installed). Files
 * the rules cannot read (other JSON, unparsable text) have none.
 */
export class FindingCounter {
  private readonly linters = new Map<string, Linter>();

  findings(text: string, file: string, cwd: string): Finding[] {
    if (!/\.(?:[cm]?[jt]sx?)$/.test(file) && !(JSON_CONFIGS.length > 0 && file.endsWith('.json'))) return [];
    const filename = isAbsolute(file) ? file : resolve(cwd, file);
    const root = parse(filename).root;
    let linter = this.linters.get(root);
    if (!linter) this.linters.set(root, (linter = new Linter({ cwd: root, configType: 'flat' })));
    return linter
      .verify(text, CONFIGS, filename)
      .filter((m) => m.ruleId !== null)
      .map((m) => ({ line: m.line, ruleId: m.ruleId! }));
  }
}
