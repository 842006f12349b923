import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { severityLabel, type AuditReport, type Location, type RuleInfo } from '../report';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 *
 * - Each rule carries `help`/`helpUri` (its docs page), `properties.tags` with `security` and
 *   `properties['security-severity']` (GitHub ranks alerts Critical/High/Medium/Low from it, and
 *   only when `security` is among the tags), `precision` and `problem.severity`.
 * - Result locations are relative to `%SRCROOT%`, the repository root (or the working directory
 *   outside a repository), which is what GitHub expects; `originalUriBaseIds` gives its absolute
 *   URI for other viewers.
 * - Files that could not be parsed are tool execution notifications, not results: they are not
 *   security alerts, but they are visible.
 */
export function formatSarif(report: AuditReport, options: { srcRoot: string }): string {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const levelOf = new Map(report.rules.map((rule) => [rule.id, levelFor(rule.securitySeverity)]));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            fullName: `${report.tool.name} (eslint-plugin-backing-services)`,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: report.tool.informationUri,
            rules: report.rules.map(describeRule),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.srcRoot) } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((finding) => ({
          ruleId: finding.ruleId,
          ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
          level: levelOf.get(finding.ruleId) ?? 'warning',
          message: { text: finding.message },
          locations: [{ physicalLocation: physicalLocation(finding.file, finding, options.srcRoot) }],
          properties: { service: finding.service },
        })),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.parseErrors.map((error) => ({
              level: 'error',
              descriptor: { id: 'parse-error' },
              message: { text: `Could not parse: ${error.message}` },
              locations: [{ physicalLocation: physicalLocation(error.file, error, options.srcRoot) }],
            })),
          },
        ],
        properties: { config: report.config, filesScanned: report.filesScanned },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function describeRule(rule: RuleInfo) {
  const level = levelFor(rule.securitySeverity);
  const docs = rule.url ? `\n\nSee ${rule.url}` : '';
  return {
    id: rule.id,
    name: rule.id.slice(rule.id.lastIndexOf('/') + 1),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    ...(rule.url ? { helpUri: rule.url } : {}),
    help: {
      text: `${rule.description}${docs}`,
      markdown: rule.url ? `${rule.description}\n\n[Rule documentation](${rule.url})` : rule.description,
    },
    defaultConfiguration: { level },
    properties: {
      tags: ['security', 'backing-services', ...rule.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`)],
      'security-severity': rule.securitySeverity.toFixed(1),
      precision: 'high',
      'problem.severity': level === 'note' ? 'recommendation' : level,
      severity: severityLabel(rule.securitySeverity),
    },
  };
}

/** SARIF levels follow the security severity: high and critical are errors. */
function levelFor(score: number): Level {
  if (score >= 7) return 'error';
  if (score >= 4) return 'warning';
  return 'note';
}

function physicalLocation(file: string, location: Location, srcRoot: string) {
  const rel = relative(srcRoot, file);
  const inside = rel !== '' && !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
  const artifactLocation = inside
    ? { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }
    : { uri: pathToFileURL(file).href };
  const region: Record<string, number> = { startLine: location.line, startColumn: location.column };
  if (location.endLine !== undefined) region.endLine = location.endLine;
  if (location.endColumn !== undefined) region.endColumn = location.endColumn;
  return { artifactLocation, region };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
