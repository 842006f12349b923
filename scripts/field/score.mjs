// Scoring of the field corpus by ../shared/reference/labelling.md: a label is found when a
// message of its category's rule lies within 2 lines of it (or its range spans it); each message
// matches at most one label; a message that matches none is a false positive, except a second
// message of the same category on a line that already matched.

export const RULE_CATEGORY = {
  'no-disabled-tls': 'tls-disabled',
  'no-unverified-tls': 'tls-unverified',
  'no-plaintext-service-url': 'plaintext-url',
  'no-weak-tls': 'weak-tls',
  'no-hardcoded-service-location': 'hardcoded-location',
  'no-hardcoded-service-credentials': 'hardcoded-credentials',
  'no-local-service-fallback': 'local-fallback',
  'no-environment-branching': 'env-branching',
  'no-privileged-service-account': 'privileged-account',
};
export const CATEGORIES = Object.values(RULE_CATEGORY);
export const PATTERNS = ['plain', 'wrapper', 'config-module', 'data-flow'];
const WINDOW = 2;

/** How far a message is from a label line; Infinity when it cannot match it. */
function distance(message, line) {
  const end = message.endLine ?? message.line;
  if (message.line <= line && line <= end) return 0;
  const d = Math.min(Math.abs(message.line - line), Math.abs(end - line));
  return d <= WINDOW ? d : Infinity;
}

/**
 * Matches one file's messages (of the nine rules) to its labels, nearest pairs first. Returns
 * the labels found and missed and the messages that are false positives.
 */
export function matchFile(entry, messages) {
  const labels = entry.labels.map((label, index) => ({ ...label, index, pattern: label.pattern ?? entry.pattern }));
  const reports = messages.map((m, index) => ({ ...m, index, category: RULE_CATEGORY[m.ruleId.replace(/^backing-services\//, '')] }));
  const pairs = [];
  for (const label of labels) {
    for (const report of reports) {
      if (report.category !== label.category) continue;
      const d = distance(report, label.line);
      if (d !== Infinity) pairs.push({ label, report, d });
    }
  }
  pairs.sort((a, b) => a.d - b.d || a.label.index - b.label.index || a.report.index - b.report.index);
  const labelMatch = new Map();
  const reportMatch = new Map();
  for (const { label, report } of pairs) {
    if (labelMatch.has(label.index) || reportMatch.has(report.index)) continue;
    labelMatch.set(label.index, report);
    reportMatch.set(report.index, label);
  }
  const matchedLines = new Set([...reportMatch.values()].map((label) => `${label.category}:${labelMatch.get(label.index).line}`));
  const falsePositives = reports.filter((r) => !reportMatch.has(r.index) && !matchedLines.has(`${r.category}:${r.line}`));
  const duplicates = reports.filter((r) => !reportMatch.has(r.index) && matchedLines.has(`${r.category}:${r.line}`));
  return {
    found: labels.filter((l) => labelMatch.has(l.index)),
    missed: labels.filter((l) => !labelMatch.has(l.index)),
    reports: reports.length - duplicates.length,
    falsePositives,
  };
}

const empty = () => ({ labels: 0, found: 0, reports: 0, fp: 0 });

/** Totals per category and per pattern over the scored files, with every miss and false positive. */
export function summarize(results) {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, empty()]));
  const byPattern = Object.fromEntries(PATTERNS.map((p) => [p, empty()]));
  const total = empty();
  const misses = [];
  const falsePositives = [];
  for (const r of results) {
    const { entry } = r;
    for (const label of [...r.found, ...r.missed]) {
      for (const s of [byCategory[label.category], byPattern[label.pattern], total]) s.labels++;
    }
    for (const label of r.found) for (const s of [byCategory[label.category], byPattern[label.pattern], total]) s.found++;
    for (const label of r.missed) misses.push({ repo: entry.repo, path: entry.path, line: label.line, category: label.category, pattern: label.pattern, note: label.note });
    // Reports count towards their category and the file's pattern (a false positive has no label).
    const tp = r.reports - r.falsePositives.length;
    const perCategory = {};
    for (const label of r.found) perCategory[label.category] = (perCategory[label.category] ?? 0) + 1;
    for (const [category, n] of Object.entries(perCategory)) byCategory[category].reports += n;
    for (const label of r.found) byPattern[label.pattern].reports++;
    total.reports += tp;
    for (const f of r.falsePositives) {
      for (const s of [byCategory[f.category], byPattern[entry.pattern], total]) {
        s.reports++;
        s.fp++;
      }
      falsePositives.push({ repo: entry.repo, path: entry.path, line: f.line, rule: f.ruleId.replace(/^backing-services\//, ''), pattern: entry.pattern, message: f.message });
    }
  }
  return { byCategory, byPattern, total, misses, falsePositives };
}
