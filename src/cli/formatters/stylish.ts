import {
  countBy,
  displayPath,
  filesWithFindings,
  severityLabel,
  type AuditReport,
  type Location,
  type SeverityLabel,
} from '../report';

type Style = 'bold' | 'dim' | 'underline' | 'red' | 'yellow' | 'cyan' | 'green' | 'magenta';
const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  magenta: [35, 39],
  cyan: [36, 39],
};
const SEVERITY_STYLE: Record<SeverityLabel, Style> = {
  critical: 'magenta',
  high: 'red',
  medium: 'yellow',
  low: 'cyan',
  none: 'dim',
};

/**
 * The human report: findings grouped by file (location, severity, message, rule), files that
 * could not be parsed, then a summary table by rule and by service with the file counts.
 */
export function formatStylish(report: AuditReport, options: { color: boolean }): string {
  const paint = (style: Style, text: string) =>
    options.color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text;
  const severityOf = new Map(report.rules.map((rule) => [rule.id, rule.securitySeverity]));
  const lines: string[] = [];

  type Row = Location & { file: string; text: string; severity: string; rule: string; style: Style };
  const rows: Row[] = [
    ...report.findings.map((finding) => {
      const label = severityLabel(severityOf.get(finding.ruleId) ?? 0);
      return { ...finding, text: finding.message, severity: label, rule: finding.ruleId, style: SEVERITY_STYLE[label] };
    }),
    ...report.parseErrors.map((error) => ({
      ...error,
      text: `could not parse: ${error.message}`,
      severity: 'error',
      rule: '',
      style: 'red' as const,
    })),
  ];
  const byFile = new Map<string, Row[]>();
  for (const row of rows) byFile.set(row.file, [...(byFile.get(row.file) ?? []), row]);
  for (const file of [...byFile.keys()].sort()) {
    const fileRows = (byFile.get(file) ?? []).sort((a, b) => a.line - b.line || a.column - b.column);
    lines.push(paint('underline', displayPath(file, report.cwd)));
    const where = fileRows.map((row) => `${row.line}:${row.column}`);
    const whereWidth = Math.max(...where.map((text) => text.length));
    const severityWidth = Math.max(...fileRows.map((row) => row.severity.length));
    fileRows.forEach((row, index) => {
      const cells = [
        paint('dim', (where[index] ?? '').padEnd(whereWidth)),
        paint(row.style, row.severity.padEnd(severityWidth)),
        row.text,
      ];
      if (row.rule) cells.push(paint('dim', row.rule));
      lines.push(`  ${cells.join('  ')}`);
    });
    lines.push('');
  }

  lines.push(...summary(report, paint));
  return `${lines.join('\n')}\n`;
}

function summary(report: AuditReport, paint: (style: Style, text: string) => string): string[] {
  const lines: string[] = [];
  const found = report.findings.length;
  if (found > 0) {
    const severityOf = new Map(report.rules.map((rule) => [rule.id, rule.securitySeverity]));
    lines.push(
      ...table(
        ['rule', 'severity', 'findings'],
        countBy(report.findings, (finding) => finding.ruleId).map(([rule, count]) => [
          rule,
          severityLabel(severityOf.get(rule) ?? 0),
          String(count),
        ]),
        paint,
      ),
      '',
      ...table(
        ['service', 'findings'],
        countBy(report.findings, (finding) => finding.service).map(([service, count]) => [service, String(count)]),
        paint,
      ),
      '',
    );
  }
  const counts: [string, number][] = [
    ['files scanned', report.filesScanned],
    ['files with findings', filesWithFindings(report)],
    ['findings', found],
  ];
  if (report.parseErrors.length > 0) {
    counts.push(['files not parsed', new Set(report.parseErrors.map((error) => error.file)).size]);
  }
  lines.push(...table(undefined, [['config', report.config], ...counts.map(([name, count]) => [name, String(count)])], paint));
  const notParsed = new Set(report.parseErrors.map((error) => error.file)).size;
  lines.push(
    '',
    found === 0 && notParsed === 0
      ? paint('green', `No findings in ${plural(report.filesScanned, 'file')}.`)
      : paint(
          'bold',
          `${plural(found, 'finding')} in ${filesWithFindings(report)} of ${plural(report.filesScanned, 'file')}` +
            (notParsed > 0 ? `; ${plural(notParsed, 'file')} could not be parsed` : '') +
            '.',
        ),
  );
  return lines;
}

/** A plain aligned table: text columns left, the last (numeric) column right. */
function table(header: string[] | undefined, rows: string[][], paint: (style: Style, text: string) => string): string[] {
  const columns = header?.length ?? rows[0]?.length ?? 0;
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(header?.[column]?.length ?? 0, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const last = columns - 1;
  const render = (cells: string[]) =>
    `  ${cells
      .map((cell, column) => (column === last ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')}`.trimEnd();
  return [...(header ? [paint('bold', render(header))] : []), ...rows.map(render)];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
