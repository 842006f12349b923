import { countBy, displayPath, filesWithFindings, severityLabel, type AuditReport } from '../report';

/**
 * The machine-readable report, for custom CI gates (shape documented in docs/audit.md).
 * Paths are relative to the working directory, with `/` separators.
 */
export function formatJson(report: AuditReport): string {
  const rules = new Map(report.rules.map((rule) => [rule.id, rule]));
  const json = {
    tool: { name: report.tool.name, version: report.tool.version },
    config: report.config,
    summary: {
      filesScanned: report.filesScanned,
      filesWithFindings: filesWithFindings(report),
      findings: report.findings.length,
      filesNotParsed: new Set(report.parseErrors.map((error) => error.file)).size,
      byRule: Object.fromEntries(countBy(report.findings, (finding) => finding.ruleId)),
      byService: Object.fromEntries(countBy(report.findings, (finding) => finding.service)),
    },
    findings: report.findings.map((finding) => {
      const rule = rules.get(finding.ruleId);
      return {
        file: displayPath(finding.file, report.cwd),
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine ?? null,
        endColumn: finding.endColumn ?? null,
        ruleId: finding.ruleId,
        service: finding.service,
        severity: severityLabel(rule?.securitySeverity ?? 0),
        securitySeverity: rule?.securitySeverity ?? null,
        message: finding.message,
        helpUri: rule?.url ?? null,
      };
    }),
    parseErrors: report.parseErrors.map((error) => ({
      file: displayPath(error.file, report.cwd),
      line: error.line,
      column: error.column,
      message: error.message,
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
