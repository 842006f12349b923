import type { MarkerNote } from '../../../codemods/engine';
import type { Finding } from './findings';

/** At most this many markers are listed on screen; the report lists them all. */
const SHOWN_MARKERS = 8;

interface SummaryInput {
  codemod: string;
  dry: boolean;
  summary: { changed: number; unchanged: number; skipped: number; errors: number; markers: number; findings?: { rules: string; files: number; before: number; after: number; atMarkers: number } };
  reports: ReadonlyArray<{ file: string; markers: readonly MarkerNote[] }>;
  variables: readonly string[];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The one-screen summary a migration ends with: what changed, the findings before and after,
 * the variables the code now reads, and where the markers are. Marker texts come from the
 * catalog, never from the code, so nothing here can hold a secret.
 */
export function summaryLines({ codemod, dry, summary, reports, variables }: SummaryInput): string[] {
  const lines = [
    `migrate ${codemod}: ${summary.changed} changed, ${summary.unchanged} unchanged, ${summary.skipped} skipped, ${plural(summary.errors, 'error')}, ${plural(summary.markers, 'marker')} left to fix by hand${dry ? ' (dry run: nothing written)' : ''}`,
  ];
  const f = summary.findings;
  if (f) {
    const gone = f.before === 0 ? '' : `, ${Math.round(((f.before - f.after) / f.before) * 100)}% gone`;
    lines.push(`findings (${f.rules}) in the ${plural(f.files, 'file')} read: ${f.before} before, ${f.after} after${gone}${f.after > 0 ? ` (${f.atMarkers} below a marker)` : ''}`);
  }
  if (variables.length > 0) lines.push(`the code now reads: ${variables.join(', ')}`);
  const markers = reports.flatMap((r) => r.markers.map((m) => ({ file: r.file, ...m })));
  if (markers.length > 0) {
    lines.push('markers:');
    for (const m of markers.slice(0, SHOWN_MARKERS)) {
      const text = m.text.replace(/^backing-services:\s*/, '');
      lines.push(`  ${m.file}:${m.line}  ${text.length > 100 ? `${text.slice(0, 99)}…` : text}`);
    }
    if (markers.length > SHOWN_MARKERS) lines.push(`  (+${markers.length - SHOWN_MARKERS} more: --report lists them all)`);
  }
  return lines;
}

/**
 * How many findings sit in a statement that carries a marker: from a marker's line to the next
 * blank line (markers go right above the statement they are about), or on the line of a note
 * (a JSON file holds no comment: its markers are notes in the report, at the entry's line).
 */
export function belowMarkers(findings: readonly Finding[], text: string, notes: readonly MarkerNote[] = []): number {
  const lines = text.split('\n');
  const marked = new Set<number>(notes.map((note) => note.line));
  lines.forEach((line, i) => {
    if (!line.includes('backing-services:')) return;
    for (let k = i; k < lines.length && lines[k]!.trim() !== ''; k++) marked.add(k + 1);
  });
  return findings.filter((f) => marked.has(f.line)).length;
}
