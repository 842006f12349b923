import jscodeshift, { type JSCodeshift } from 'jscodeshift';
import type { BNode } from './analysis/ast';
import { Editor } from './analysis/edit';
import { BabelAnalysis, MODULE_MENTION } from './analysis/sites';
import { hasUrlScheme, parseServiceUrl } from '../src/policy/url';
import { lookup, textOf, walkValues } from '../src/policy/value';
import { envServiceUrl, type EnvVariable } from './transforms/env-service-url';
import { removeEnvironmentBranching } from './transforms/environment-branching';
import { verifyTls } from './transforms/verify-tls';

export type CodemodName = 'env-service-url' | 'verify-tls' | 'remove-environment-branching' | 'all';

export interface CodemodOptions {
  /** Variable name overrides: keys are a service kind (`postgres`), a library id (`pg`) or a default variable (`DATABASE_URL`). */
  envVars?: Record<string, string>;
}

export interface CodemodResult {
  /** The new source (the input when nothing changed). */
  output: string;
  changed: boolean;
  /** Places rewritten. */
  sites: number;
  /** Marker comments left (new or already present) where a rewrite was unsafe. */
  markers: number;
  /** Environment variables the output reads that the input did not write for. */
  variables: EnvVariable[];
  /**
   * Secret values found in client configuration (passwords, URL passwords). Never printed or
   * written: the CLI uses them only to blank them out of diffs.
   */
  secrets: string[];
}

/** The phases each codemod runs, in order, on one parse of the file. */
const PHASES: Record<CodemodName, Array<'branching' | 'env' | 'tls'>> = {
  'remove-environment-branching': ['branching'],
  'env-service-url': ['env'],
  'verify-tls': ['tls'],
  all: ['branching', 'env', 'tls'],
};

/**
 * Text that must occur for any codemod to have work: a catalog module name in quotes, or the
 * process-wide TLS switch. Files without it are returned untouched without parsing.
 */
export function mayNeedWork(source: string): boolean {
  return MODULE_MENTION.test(source) || source.includes('NODE_TLS_REJECT_UNAUTHORIZED');
}

/** jscodeshift's parser for a file name, as next-codemod chooses it. */
export function parserFor(path: string): 'ts' | 'tsx' {
  return /\.[cm]?ts$/.test(path) && !path.endsWith('.d.ts') ? 'ts' : 'tsx';
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

function parseWith(j: JSCodeshift, source: string): BNode {
  return j(source).get().node as BNode;
}

/**
 * Runs one codemod over one file's text, in memory. Throws when the file does not parse; the
 * caller reports that and leaves the file alone.
 */
export function runCodemod(name: CodemodName, source: string, path: string, options: CodemodOptions = {}): CodemodResult {
  const unchanged: CodemodResult = { output: source, changed: false, sites: 0, markers: 0, variables: [], secrets: [] };
  if (!mayNeedWork(source)) return unchanged;
  let j = jscodeshift.withParser(parserFor(path));
  let file: BNode;
  try {
    file = parseWith(j, source);
  } catch (error) {
    // Plain JavaScript with syntax the TS parser refuses (`<T>x` casts are TS-only): try Babel's own.
    if (/\.(c|m)?jsx?$/.test(path)) {
      j = jscodeshift.withParser('babylon');
      file = parseWith(j, source);
    } else throw error;
  }
  const parseExpression = (text: string): BNode => {
    // In an array, not parentheses: recast would keep the parentheses as part of the text.
    const program = j(`[${text}];`).get().node.program as BNode;
    return ((program.body as BNode[])[0]!.expression as BNode).elements[0] as BNode;
  };

  let sites = 0;
  let markers = 0;
  let changes = 0;
  const variables: EnvVariable[] = [];
  const kept = new Set<BNode>();
  // One analysis (a scope walk, most of a file's cost) serves every phase until one edits the file.
  let analysis = new BabelAnalysis(file, source);
  let stale = false;
  const current = (): BabelAnalysis => {
    if (stale) {
      analysis = new BabelAnalysis(file, source);
      stale = false;
    }
    return analysis;
  };
  const secrets = collectSecrets(analysis);
  const quote = quoteStyle(source);
  const marked = new Set<BNode>();
  for (const phase of PHASES[name]) {
    const editor = new Editor(j, current(), parseExpression, quote, marked);
    if (phase === 'branching') {
      sites += removeEnvironmentBranching(editor, kept);
    } else if (phase === 'env') {
      const result = envServiceUrl(editor, { envVars: options.envVars ?? {}, path, isTypeScript: /\.[cm]?tsx?$/.test(path), only: name === 'remove-environment-branching' ? kept : undefined });
      sites += result.sites;
      variables.push(...result.variables);
      editor.removeDeadDeclarations();
    } else {
      sites += verifyTls(editor);
      stale ||= editor.changes > 0;
      // One fix can reveal the next (mysql2: `rejectUnauthorized: true` still lacks `verifyIdentity`).
      for (let pass = 0; pass < 2 && editor.changes > 0; pass++) {
        const again = new Editor(j, current(), parseExpression, quote, marked);
        verifyTls(again);
        again.keepInlineObjects();
        if (again.changes === 0) break;
        stale = true;
        changes += again.changes;
        markers += again.markers;
      }
    }
    editor.keepInlineObjects();
    stale ||= editor.changes > 0;
    markers += editor.markers;
    changes += editor.changes;
    if (phase === 'branching' && name === 'remove-environment-branching' && kept.size > 0) {
      const follow = new Editor(j, current(), parseExpression, quote, marked);
      const result = envServiceUrl(follow, { envVars: options.envVars ?? {}, path, isTypeScript: /\.[cm]?tsx?$/.test(path), only: kept });
      follow.removeDeadDeclarations();
      follow.keepInlineObjects();
      stale ||= follow.changes > 0;
      sites += result.sites;
      variables.push(...result.variables);
      markers += follow.markers;
      changes += follow.changes;
    }
  }
  if (changes === 0) return { ...unchanged, markers, secrets };
  const output = j(file as never).toSource({ quote, reuseWhitespace: true, wrapColumn: 120, trailingComma: /,\s*\n\s*[}\]]/.test(source) });
  return { output, changed: output !== source, sites, markers, variables, secrets };
}

/** Literal passwords and URL passwords in the file's client configuration. */
function collectSecrets(analysis: BabelAnalysis): string[] {
  const found = new Set<string>();
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
      const found2 = lookup(site.options, path);
      if (found2.status !== 'present') continue;
      for (const value of walkValues(found2.value)) {
        const text = textOf(value);
        if (text) found.add(text);
      }
    }
  }
  return [...found];
}

/** True when `source` parses with the parser chosen for `path` (checked before a file is written). */
export function parses(source: string, path: string): boolean {
  try {
    jscodeshift.withParser(parserFor(path))(source);
    return true;
  } catch {
    if (!/\.(c|m)?jsx?$/.test(path)) return false;
    try {
      jscodeshift.withParser('babylon')(source);
      return true;
    } catch {
      return false;
    }
  }
}
