import type { API, FileInfo, Options } from 'jscodeshift';
import { runCodemod, type CodemodName } from './engine';

/**
 * `--envVar=postgres=PG_URL,redis=CACHE_URL` (jscodeshift passes unknown flags through as
 * options) or the CLI's record.
 */
export function parseEnvVarOption(raw: unknown): Record<string, string> {
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) return raw as Record<string, string>;
  const items = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',') : [];
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq > 0) out[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
  }
  return out;
}

/** A jscodeshift transform for one codemod; markers are reported through `api.report` when available. */
export function createTransform(name: CodemodName) {
  return function transform(file: FileInfo, api: API, options: Options): string {
    const configModules = options.configModules === true || options['config-modules'] === true;
    const result = runCodemod(name, file.source, file.path ?? '', { envVars: parseEnvVarOption(options.envVar ?? options['env-var']), configModules });
    const report = (api as Partial<API>).report;
    if (result.markers > 0) report?.(`${result.markers} place(s) left with a /* backing-services: */ marker to fix by hand`);
    for (const variable of result.variables) report?.(`reads ${variable.name} (${variable.library}); add it to .env.example`);
    return result.output;
  };
}
