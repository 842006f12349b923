import type { TSESTree } from '@typescript-eslint/utils';
import type { FileAnalysis } from '../src/analysis/file-analysis';
import { configFileConvention } from '../src/analysis/config-files';
import { ENV_MODULES, takesAdonisEnv } from '../src/analysis/env-libraries';
import { mentionsMappedModule, readSettings } from '../src/analysis/settings';
import { catalog, catalogGlobalNames, catalogModuleNames } from '../src/catalog';
import { shapeKeysTest } from '../src/policy/shapes';
import { moduleMentionPattern } from '../src/policy/mentions';
import { hasUrlScheme, parseServiceUrl } from '../src/policy/url';
import { secretDefault } from '../src/policy/env-defaults';
import { serviceNameSuffixes } from '../src/policy/env-names';
import { serviceSchemes } from '../src/policy/plaintext';
import { blankSecrets } from '../src/policy/secrets';
import { lookup, textOf, walkValues } from '../src/policy/value';
import { analyzeText, type AnalysisOptions, type AnalyzedText } from './analysis/analyze';
import { Editor, MARKER_PREFIX } from './analysis/edit';
import { parserFor, PrintingParseError, RecastTree } from './analysis/recast-tree';
import { rewriteSequelizeConfig } from './json/sequelize-cli';
import { envServiceUrl, markPrivilegedUrlUsers, type EnvVariable } from './transforms/env-service-url';
import { markDifferingEnvironmentMaps, removeEnvironmentBranching } from './transforms/environment-branching';
import { verifyTls } from './transforms/verify-tls';

export { parserFor };

type Node = TSESTree.Node;

export type CodemodName = 'env-service-url' | 'verify-tls' | 'remove-environment-branching' | 'all';

export interface CodemodOptions extends AnalysisOptions {
  /**
   * Also read exported app configuration that names no client library (`export const config =
   * { redis: { host } }`), which the rules find by its shape. Off by default: it means parsing
   * many more files of a large tree.
   */
  configModules?: boolean;
  /** Variable name overrides: keys are a service kind (`postgres`), a library id (`pg`) or a default variable (`DATABASE_URL`). */
  envVars?: Record<string, string>;
}

/** A marker comment in the output: where a rewrite was unsafe and what to do by hand. */
export interface MarkerNote {
  /** 1-based line in the output. */
  line: number;
  text: string;
}

export interface CodemodResult {
  /** The new source (the input when nothing changed). */
  output: string;
  changed: boolean;
  /** Places rewritten. */
  sites: number;
  /** Marker comments the output holds (new or already present) where a rewrite was unsafe. */
  markers: number;
  /** Each marker with its line in the output. */
  markerNotes: MarkerNote[];
  /** Environment variables the output reads that the input did not write for. */
  variables: EnvVariable[];
  /**
   * Secret values found in client configuration (passwords, URL passwords). Never printed or
   * written: the CLI uses them only to blank them out of diffs.
   */
  secrets: string[];
  /** Why the file was left alone without a rewrite being tried (the rules' parser refuses it). */
  skipped?: string;
}

/**
 * The phases each codemod runs, in order; the text is analysed again after a phase that edits
 * it. `maps` marks per-environment maps whose entries still connect differently once the others
 * are done (what differs is only known then).
 */
const PHASES: Record<CodemodName, Array<'branching' | 'env' | 'tls' | 'maps'>> = {
  'remove-environment-branching': ['branching', 'maps'],
  'env-service-url': ['env'],
  'verify-tls': ['tls'],
  all: ['branching', 'env', 'tls', 'maps'],
};

const BOM = '\uFEFF';

/** A quoted catalog module name: files without one cannot build a client. */
const MODULE_MENTION = moduleMentionPattern(catalogModuleNames);

/** A literal written into the environment (`process.env.MONGODB_URI = 'mongodb://...'`), which env-service-url removes. */
const ENV_LITERAL_WRITE = /\benv(?:\.[A-Za-z_$][\w$]*|\[['"][^'"]+['"]\])\s*=\s*['"`]/;

/** A catalog global name called on (`nodemailer.createTransport`): a client without an import. */
const GLOBAL_NAMES = [...catalogGlobalNames.keys()];
const GLOBAL_MENTION = GLOBAL_NAMES.length > 0 ? new RegExp(`\\b(?:${GLOBAL_NAMES.join('|')})\\s*\\.`) : undefined;

/**
 * A literal default after an environment read (`process.env.DB_HOST || 'localhost'`, through an
 * alias `env.DB_HOST || ...`, or a reader's `env('DB_HOST', 'localhost')`), which the rules
 * judge by the variable's name.
 */
const ENV_DEFAULT = /\benv(?:\.[A-Za-z_$][\w$]*|\[['"][^'"]+['"]\])\s*(?:\|\||\?\?)\s*['"`]|\benv\(\s*['"][A-Z][A-Z0-9_]*['"]\s*,\s*['"`]/;
/**
 * A configuration library named in quotes (`'@nestjs/config'`, `'envalid'`) and a literal default
 * after some call (`configService.get('REDIS_HOST') || 'cache.internal'`, `.get('X', 'y')`) or
 * in a validator's options (envalid's `str({ default: 'localhost' })`): the rules read those
 * calls as environment reads.
 */
const ENV_LIBRARY = moduleMentionPattern(ENV_MODULES);
const CALL_DEFAULT = /\)\s*(?:\|\||\?\?)\s*['"`]|,\s*['"`][^'"`]*['"`]\s*\)|\b(?:default|devDefault)\s*:\s*['"`]/;
/** A destructuring of the environment, which may hold defaults (`const { MSSQL_SERVER = 'localhost' } = process.env`). */
const DESTRUCTURED_ENV = /\}\s*=\s*process\.env\b/;
/** A zod schema's literal default (`z.string().default('localhost')`), for a schema that parses `process.env`. */
const ZOD_ENV_DEFAULT = /\.default\(\s*['"`]/;
const ZOD = /['"]zod(?:\/(?:v\d+|mini))?['"]/;

/**
 * A relative module (or an inline export) and a test of the environment name: a choice between
 * the project's configuration modules (`module.exports = isProd ? require('./prod') :
 * require('./dev')`), or between configurations exported inline (`module.exports = { mongoURI:
 * ... }` in each path, or `config = {...}` then `module.exports = config`).
 */
const CHOSEN_CONFIGURATION = /\brequire\(\s*['"`]\.\.?\/|\bfrom\s*['"]\.\.?\/|\bmodule\.exports\s*=\s*[\w$\{]/;
const ENVIRONMENT_TEST = /[A-Z_]ENV\b|\bENV\b|\b(?:is|IS_)(?:Prod|Dev|PROD|DEV|Production|Development|Local|LOCAL)/;

/**
 * An exported app configuration the rules can recognise by a catalog option shape with no
 * client in sight: an object is exported, a shape's option word is written, and so is one of the
 * names, ports or marker options that make a shape (`redis: { host }`, `port: 6379`, `brokers`).
 * Narrower than the analysis's own test (which parses to see what is exported), so that library
 * code full of `host` and `export` is not parsed for nothing.
 */
// An object literal exported as it is, or as what an exported function returns (`module.exports
// = ({ env }) => ({...})`, `export default registerAs('db', () => ({...}))`).
const EXPORTS = /(?:module\.exports|\bexports\.[\w$]+|\bexport\s+default|\bexport\s+const\s+[\w$]+(?:\s*:[^=]+)?)\s*=?\s*(?:(?:async\s*)?\([^)]*\)\s*=>\s*\(?\s*|[\w$.]+\(\s*)?\{/;
const hasShapeKeys = shapeKeysTest(catalog);
const SHAPE_NAMES = (() => {
  const shapes = catalog.flatMap((entry) => (entry.shape ? [entry.shape] : []));
  const names = [...new Set(shapes.flatMap((s) => s.names ?? []))];
  const ports = [...new Set(shapes.flatMap((s) => s.ports ?? []))];
  const markers = [...new Set(shapes.flatMap((s) => (s.markers ?? []).map((m) => m.slice(m.lastIndexOf('.') + 1))))];
  return new RegExp(`(?:\\b|_)(?:${names.join('|')})\\w{0,3}['"]?\\s*[:=]|\\bport['"]?\\s*[:=]\\s*['"]?(?:${ports.join('|')})\\b|\\b(?:${markers.join('|')})\\b`, 'i');
})();

/**
 * Exported app configuration that names no client library but may hold what the rules report
 * there: something is exported, and a location or credential key has a literal value
 * (`host: 'db.internal'`, `redis_host: '...'`, `brokers: ['...']`), a service URL is written
 * (`'mongodb://...'`), a TLS switch has a literal value (`rejectUnauthorized: false`), or the
 * environment's name is compared with a literal (a setting chosen per environment). Library
 * code exports plenty and names hosts in variables, so few of its files pass all three.
 */
const CONFIG_EXPORT = /\bmodule\.exports\b|\bexports\.[\w$]+\s*=|\bexport\s+(?:default\b|const\b|let\b|var\b|function\b|=)/;
const LITERAL_VALUE = `['"]?\\s*:\\s*(?:['"\`]|\\[\\s*['"\`])`;
const LITERAL_SETTING = (() => {
  const leaf = (path: string): string => path.slice(path.lastIndexOf('.') + 1);
  // A library's own option names stand alone (`host`, `password`, `brokers`); the last word of a
  // setting's name only after a service word (`redis_host`, `REDIS_HOST`, `redisHost`).
  const options = new Set<string>();
  for (const { location, credentials } of catalog) {
    for (const path of [...location.urlPaths, ...location.hostPaths, ...location.listPaths, ...credentials.userPaths, ...credentials.secretPaths]) if (/^\w{3,}$/.test(leaf(path))) options.add(leaf(path));
  }
  const suffixes = serviceNameSuffixes();
  const cap = (word: string): string => `${word[0]!.toUpperCase()}${word.slice(1)}`;
  const own = [...options].flatMap((w) => [w, w.toUpperCase(), cap(w)]);
  const named = suffixes.flatMap((w) => [`_${w}`, `_${w.toLowerCase()}`]);
  const camel = [...options].map(cap);
  const longest = (list: string[]): string => [...new Set(list)].sort((a, b) => b.length - a.length).join('|');
  return new RegExp(`(?:\\b(?:${longest(own)})|(?:${longest(named)})|[a-z0-9](?:${longest(camel)}))${LITERAL_VALUE}`);
})();
// Web URLs are everywhere; the schemes of services are not.
// A host may be interpolated (`` `amqp://${user}:${pass}@${host}` ``): its scheme is still the edit.
const SERVICE_URL = new RegExp(`['"\`](?:${serviceSchemes(catalog).filter((s) => s !== 'http' && s !== 'https').map((s) => s.replace(/[+.]/g, '\\$&')).join('|')})://[^'"\`\\s]`, 'i');
const TLS_SWITCH = (() => {
  const leaf = (path: string): string => path.slice(path.lastIndexOf('.') + 1);
  // Inside any TLS bag, Node's own flag.
  const written = new Set<string>([`rejectUnauthorized['"]?\\s*:\\s*false`]);
  for (const { tls } of catalog) {
    for (const sw of tls.switches) {
      for (const [literal, meaning] of Object.entries(sw.values ?? {})) if (meaning !== 'verified' && /^(?:true|false)$/.test(literal)) written.add(`${leaf(sw.path)}['"]?\\s*:\\s*${literal}`);
    }
    for (const flag of tls.verifyOff) if (typeof flag.value === 'boolean') written.add(`${leaf(flag.path)}['"]?\\s*:\\s*${String(flag.value)}`);
  }
  return new RegExp(`\\b(?:${[...written].join('|')})\\b`);
})();
export const __gates = { LITERAL_SETTING, SERVICE_URL, TLS_SWITCH };

/** The environment's name compared with a literal (`process.env.NODE_ENV === 'test'`): a choice by environment. */
const ENV_CHOICE = /\b(?:NODE_ENV|APP_ENV|ENVIRONMENT)\b['"]?\]?\s*[!=]==?\s*['"`]/;

/**
 * A configuration module is small: a larger file that names no client library is library or
 * application code, read only with `configModules`.
 */
const CONFIG_MODULE_MAX_LENGTH = 32 * 1024;

/** Exported configuration the rules may judge by its shape or its names (see above). */
function mayExportConfiguration(source: string): boolean {
  return (
    source.length <= CONFIG_MODULE_MAX_LENGTH &&
    CONFIG_EXPORT.test(source) &&
    (LITERAL_SETTING.test(source) || SERVICE_URL.test(source) || TLS_SWITCH.test(source) || ENV_CHOICE.test(source))
  );
}

/**
 * Text that must occur for any codemod to have work: a catalog module name in quotes (or a
 * module the settings map to one), the process-wide TLS switch, a tool's config-file name, a
 * literal default after an environment read, exported configuration with a literal location,
 * credential, service URL or TLS switch, or (with `configModules`) any exported configuration
 * with a catalog option shape. Files without any are returned untouched without parsing.
 */
export function mayNeedWork(source: string, path = '', options: CodemodOptions = {}): boolean {
  if (MODULE_MENTION.test(source) || GLOBAL_MENTION?.test(source) || source.includes('NODE_TLS_REJECT_UNAUTHORIZED')) return true;
  if (configFileConvention(path) !== undefined || ENV_DEFAULT.test(source) || mayExportConfiguration(source)) return true;
  if ((ENV_LIBRARY.test(source) || takesAdonisEnv(source)) && CALL_DEFAULT.test(source)) return true;
  if (ZOD_ENV_DEFAULT.test(source) && source.includes('process.env') && ZOD.test(source)) return true;
  if (DESTRUCTURED_ENV.test(source) || ENV_LITERAL_WRITE.test(source)) return true;
  if (CHOSEN_CONFIGURATION.test(source) && ENVIRONMENT_TEST.test(source)) return true;
  if (options.configModules && EXPORTS.test(source) && hasShapeKeys(source) && SHAPE_NAMES.test(source)) return true;
  return options.settings !== undefined && mentionsMappedModule(readSettings(options.settings, options.cwd ?? process.cwd()), source);
}

/** The quote style most string literals in the file use, for new literals. */
function quoteStyle(source: string): 'single' | 'double' {
  let single = 0;
  let double = 0;
  for (const ch of source) {
    if (ch === "'") single++;
    else if (ch === '"') double++;
  }
  return double > single ? 'double' : 'single';
}

/**
 * Runs one codemod over one file's text, in memory. The file is analysed as the rules see it;
 * a second parse for printing happens only when something is to be edited. Throws when the
 * rewrite would not parse; the caller reports that and leaves the file alone.
 */
export function runCodemod(name: CodemodName, source: string, path: string, options: CodemodOptions = {}): CodemodResult {
  // ESLint reads a file without its byte-order mark, so its node offsets are one less than the
  // printer's: the mark is set aside while the file is rewritten, and kept.
  if (source.startsWith(BOM)) {
    const result = runCodemod(name, source.slice(BOM.length), path, options);
    return { ...result, output: BOM + result.output };
  }
  const unchanged: CodemodResult = { output: source, changed: false, sites: 0, markers: 0, markerNotes: [], variables: [], secrets: [] };
  if (!mayNeedWork(source, path, options)) return unchanged;
  if (path.endsWith('.json')) return runJsonConfig(name, source, path, options, unchanged);
  let analyzed = analyzeText(source, path, options);
  if ('error' in analyzed) return { ...unchanged, skipped: analyzed.error };
  const secrets = collectSecrets(analyzed.analysis);
  const quote = quoteStyle(source);
  const isTypeScript = /\.[cm]?tsx?$/.test(path);
  const envVars = options.envVars ?? {};
  let text = source;
  let sites = 0;
  const variables: EnvVariable[] = [];

  /** One edit pass on the current text; when it changed anything, the text is printed and analysed again. */
  const round = (edit: (editor: Editor) => number): number => {
    const current = analyzed as AnalyzedText;
    const tree = new RecastTree(printable(text, current.sourceCode), path);
    const editor = new Editor(current.analysis, current.sourceCode, tree, quote);
    const count = edit(editor);
    editor.keepInlineObjects();
    if (editor.changes === 0 || !tree.used) return 0;
    text = tree.j(tree.file as never).toSource({ quote, reuseWhitespace: true, wrapColumn: 120, trailingComma: /,\s*\r?\n\s*[}\]]/.test(source), lineTerminator: tree.lineTerminator, useTabs: /^\t/m.test(source) });
    const next = analyzeText(text, path, options);
    if ('error' in next) throw new Error(`the rewritten text does not parse (${next.error}); left untouched`);
    analyzed = next;
    sites += count;
    return editor.changes;
  };

  try {
    runPhases();
  } catch (error) {
    // Nothing was written yet: the file is left as it was, and the caller says why.
    if (error instanceof PrintingParseError) return { ...unchanged, secrets, skipped: error.message };
    throw error;
  }

  function runPhases(): void {
    for (const phase of PHASES[name]) {
      if (phase === 'branching') {
        round((editor) => {
          const kept = new Set<Node>();
          const discarded = new Set<Node>();
          let count = removeEnvironmentBranching(editor, kept, discarded);
          // Run alone, the codemod also makes the kept production configuration read the environment.
          if (name === 'remove-environment-branching' && kept.size > 0) count += envPhase(editor, { only: kept, discarded });
          return count;
        });
      } else if (phase === 'env') {
        round((editor) => {
          const count = envPhase(editor, {});
          if (name === 'env-service-url') markPrivilegedUrlUsers(editor);
          return count;
        });
      } else if (phase === 'maps') {
        round((editor) => {
          markDifferingEnvironmentMaps(editor);
          if (name === 'all') markPrivilegedUrlUsers(editor);
          return 0;
        });
      } else {
        // One fix can reveal the next (mysql2: `rejectUnauthorized: true` still lacks `verifyIdentity`).
        for (let pass = 0; pass < 3; pass++) if (round(verifyTls) === 0) break;
      }
    }
  }

  function envPhase(editor: Editor, extra: { only?: Set<Node>; discarded?: Set<Node> }): number {
    const result = envServiceUrl(editor, { envVars, path, isTypeScript, ...extra });
    editor.removeDeadDeclarations();
    variables.push(...result.variables);
    return result.sites;
  }

  // Commented-out code keeps no secret of the file either (the rewrite took it out of the code).
  if (text !== source && secrets.length > 0) text = blankCommentSecrets(text, (analyzed as AnalyzedText).sourceCode, secrets);
  const markerNotes = markersIn(text);
  if (text === source) return { ...unchanged, markers: markerNotes.length, markerNotes, secrets };
  return { output: text, changed: true, sites, markers: markerNotes.length, markerNotes, variables, secrets };
}

/**
 * A tool's JSON config file (sequelize-cli's `config/config.json`), which the rules read with a
 * JSON parser: edited as text by its own editor, keeping the file's formatting.
 */
function runJsonConfig(name: CodemodName, source: string, path: string, options: CodemodOptions, unchanged: CodemodResult): CodemodResult {
  const match = configFileConvention(path);
  const option = match?.convention.urlVariableOption;
  if (!match || !option || name === 'remove-environment-branching') return unchanged;
  const { entry } = match;
  const envVars = options.envVars ?? {};
  const variable = envVars[entry.service] ?? envVars[entry.id] ?? envVars[entry.envVar] ?? entry.envVar;
  let result;
  try {
    result = rewriteSequelizeConfig(source, entry, option, variable, path, name !== 'verify-tls');
  } catch (error) {
    return { ...unchanged, skipped: (error as Error).message };
  }
  // JSON holds no comment: what is left to do by hand is in the report, at its line.
  const markerNotes = result.notes.map((note) => ({ line: note.line, text: `${MARKER_PREFIX} ${note.text}` }));
  const notes = { markers: markerNotes.length, markerNotes };
  if (result.output === source) return { ...unchanged, ...notes, secrets: result.secrets };
  return { ...unchanged, ...notes, output: result.output, changed: true, sites: result.sites, variables: result.variables, secrets: result.secrets };
}

/**
 * The text with each zero-width space between tokens as a space (same offsets): the rules'
 * parsers skip it, the printing parser refuses it, and ECMAScript allows it only inside strings,
 * templates and comments, which keep theirs.
 */
function printable(text: string, sourceCode: AnalyzedText['sourceCode']): string {
  if (!text.includes('\u200B')) return text;
  const offset = text.length - sourceCode.text.length;
  const kept = [...sourceCode.ast.tokens, ...sourceCode.getAllComments()].map((t) => [t.range[0] + offset, t.range[1] + offset] as const);
  let out = '';
  for (let i = 0; i < text.length; i++) out += text[i] === '\u200B' && !kept.some(([start, end]) => start <= i && i < end) ? ' ' : text[i];
  return out;
}

/**
 * The text with each secret blanked out of its comments (`// password: 'old-pw'` →
 * `// password: '****'`); code is left as it is. `sourceCode` is the analysis of `text`.
 */
function blankCommentSecrets(text: string, sourceCode: AnalyzedText['sourceCode'], secrets: readonly string[]): string {
  // ESLint drops a byte-order mark from the text its ranges count in.
  const offset = text.length - sourceCode.text.length;
  let out = text;
  for (const comment of [...sourceCode.getAllComments()].reverse()) {
    const [start, end] = [comment.range[0] + offset, comment.range[1] + offset];
    const blanked = blankSecrets(out.slice(start, end), secrets);
    if (blanked !== out.slice(start, end)) out = `${out.slice(0, start)}${blanked}${out.slice(end)}`;
  }
  return out;
}

/** The `/* backing-services: ... *\/` comments of a text, with their lines. */
export function markersIn(text: string): MarkerNote[] {
  const notes: MarkerNote[] = [];
  const pattern = /\/\*\s*backing-services:([\s\S]*?)\*\//g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const line = text.slice(0, match.index).split('\n').length;
    notes.push({ line, text: `${MARKER_PREFIX} ${match[1]!.trim()}` });
  }
  return notes;
}

/**
 * Literal passwords and URL passwords in the file's client configuration, and the secrets the
 * rules find by a name (`process.env.DB_PASSWORD || 'x'`, `{ mail: { pass: 'x' } }`).
 */
function collectSecrets(analysis: FileAnalysis): string[] {
  const found = new Set<string>();
  const named = [...analysis.envReads.map((read) => secretDefault(read.name, read.value.fallback)), ...analysis.namedSettings.map((s) => secretDefault(s.name, s.value))];
  for (const finding of named) {
    const text = finding && textOf(analysis.evaluator.evaluate(finding.node));
    if (text) found.add(text);
  }
  for (const site of analysis.sites) {
    for (const value of walkValues(site.options)) {
      const text = textOf(value);
      if (text === undefined) continue;
      if (hasUrlScheme(text)) {
        const password = parseServiceUrl(text)?.password;
        if (password) found.add(password);
      }
    }
    for (const path of site.entry.credentials.secretPaths) {
      const at = lookup(site.options, path);
      if (at.status !== 'present') continue;
      for (const value of walkValues(at.value)) {
        const text = textOf(value);
        if (text) found.add(text);
      }
    }
  }
  return [...found];
}

/**
 * True when `source` parses both for printing (jscodeshift) and as the rules read it, or as JSON
 * for a JSON config file (checked before a file is written).
 */
export function parses(source: string, path: string, options: AnalysisOptions = {}): boolean {
  try {
    if (path.endsWith('.json')) return JSON.parse(source) !== undefined;
    void new RecastTree(source, path).file;
  } catch {
    return false;
  }
  return !('error' in analyzeText(source, path, options));
}
