import type { ESLint, Linter } from 'eslint';
import { createConfigs, NAMESPACE, type ConfigName } from './configs';
import { rules } from './rules';
import { jsonLanguage } from './util/json-language';
import { packageInfo } from './util/package-info';

type Plugin = Omit<ESLint.Plugin, 'configs'> & {
  meta: { name: string; version: string; namespace: string };
  rules: ESLint.Plugin['rules'];
  configs: Record<ConfigName, Linter.Config[]>;
};

const plugin: Plugin = {
  meta: { name: packageInfo.name, version: packageInfo.version, namespace: NAMESPACE },
  rules: rules as unknown as ESLint.Plugin['rules'],
  configs: {} as Record<ConfigName, Linter.Config[]>,
  ...(jsonLanguage ? { languages: { json: jsonLanguage } } : {}),
};
// Configs refer to the plugin object itself, so they are attached after it exists.
Object.assign(plugin.configs, createConfigs(plugin, rules, jsonLanguage !== undefined));

export = plugin;
