import { relative, sep } from 'node:path';
import type { ESLint } from 'eslint';
import { enabledRules, type ConfigName } from '../configs';
import { REPO_URL, type PluginDocs } from '../util/create-rule';
import plugin from '../index';
import { packageInfo } from '../util/package-info';

/** What every output format is built from. Paths are absolute; formatters make them relative. */
export interface AuditReport {
  tool: { name: string; version: string; informationUri: string };
  config: ConfigName;
  /** Folder that paths are shown relative to (the working directory). */
  cwd: string;
  /** Rules the config enables, sorted by id. */
  rules: RuleInfo[];
  filesScanned: number;
  findings: Finding[];
  parseErrors: ParseError[];
}

export interface RuleInfo {
  /** Full id, `backing-services/<rule>`. */
  id: string;
  description: string;
  url: string | undefined;
  /** 0-10, as GitHub code scanning ranks it. */
  securitySeverity: number;
  /** `CWE-295` style ids, when a rule's docs list them (`meta.docs.cwe`). */
  cwe: string[];
}

export interface Location {
  line: number;
  column: number;
  endLine?: number | undefined;
  endColumn?: number | undefined;
}

export interface Finding extends Location {
  file: string;
  ruleId: string;
  message: string;
  /** The client library the finding is about (see `serviceOf`). */
  service: string;
}

export interface ParseError extends Location {
  file: string;
  message: string;
}

export type SeverityLabel = 'critical' | 'high' | 'medium' | 'low' | 'none';

const NAMESPACE_PREFIX = `${plugin.meta.namespace}/`;
export const TOOL = {
  name: 'backing-services',
  version: packageInfo.version,
  informationUri: REPO_URL,
} as const;

/** GitHub code scanning's bands for `security-severity`. */
export function severityLabel(score: number): SeverityLabel {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

/**
 * The service a finding is about. Convention shared with the rules: a message about a client
 * starts with the client's display name from the catalog in backticks ("`pg`: ssl... does not
 * verify ..."), so that leading token names the service. Messages that start otherwise, or with
 * code or an environment variable (process-wide settings), count as "other".
 */
export function serviceOf(message: string): string {
  const token = /^`([^`]+)`/.exec(message.trimStart())?.[1];
  // Not a client name: code (`X = '0'`) or an environment variable (`NODE_TLS_REJECT_UNAUTHORIZED`).
  return token && !/[=(]/.test(token) && !/^[A-Z][A-Z0-9_]*$/.test(token) ? token.trim() : 'other';
}

/** Metadata of every rule `config` enables, read generically from the plugin. */
export function rulesOf(config: ConfigName): RuleInfo[] {
  const enabled = Object.keys(enabledRules(plugin.configs[config]));
  return enabled.sort().map((id) => {
    const short = id.startsWith(NAMESPACE_PREFIX) ? id.slice(NAMESPACE_PREFIX.length) : id;
    const docs = (plugin.rules?.[short]?.meta?.docs ?? {}) as Partial<PluginDocs> & { url?: string; cwe?: unknown };
    return {
      id,
      description: docs.description ?? id,
      url: docs.url,
      securitySeverity: typeof docs.securitySeverity === 'number' ? docs.securitySeverity : 5,
      cwe: Array.isArray(docs.cwe) ? docs.cwe.filter((c): c is string => typeof c === 'string') : [],
    };
  });
}

/**
 * Turns ESLint results into findings and parse errors. Only our rules' messages count: inline
 * configuration comments in the audited code could turn on other rules, and ESLint's own notices
 * (unused directives and the like) are not findings.
 */
export function buildReport(
  results: ESLint.LintResult[],
  meta: { config: ConfigName; cwd: string; filesScanned: number },
): AuditReport {
  const findings: Finding[] = [];
  const parseErrors: ParseError[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      const location = {
        line: message.line ?? 1,
        column: message.column ?? 1,
        endLine: message.endLine,
        endColumn: message.endColumn,
      };
      if (message.fatal) {
        parseErrors.push({ file: result.filePath, message: message.message.replace(/^Parsing error:\s*/, ''), ...location });
      } else if (message.ruleId?.startsWith(NAMESPACE_PREFIX)) {
        findings.push({
          file: result.filePath,
          ruleId: message.ruleId,
          message: message.message,
          service: serviceOf(message.message),
          ...location,
        });
      }
    }
  }
  const byPosition = (a: Location & { file: string }, b: Location & { file: string }) =>
    a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1;
  return {
    tool: TOOL,
    config: meta.config,
    cwd: meta.cwd,
    rules: rulesOf(meta.config),
    filesScanned: meta.filesScanned,
    findings: findings.sort(byPosition),
    parseErrors: parseErrors.sort(byPosition),
  };
}

/** Counts by key, most frequent first, then by name. */
export function countBy<T>(items: T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** `file` relative to `base`, with `/` separators, as every format shows it. */
export function displayPath(file: string, base: string): string {
  const rel = relative(base, file);
  return (rel === '' ? file : rel).split(sep).join('/');
}

export function filesWithFindings(report: AuditReport): number {
  return new Set(report.findings.map((finding) => finding.file)).size;
}
