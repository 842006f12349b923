/**
 * Quoted module names in a file's text, found before any parsing or scope work: a file that
 * names no catalog module in quotes cannot build a client, so most files stop here.
 */

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * One regular expression for a quoted specifier of any of `names` (`'pg'`, `"node:tls"`,
 * `` `@aws-sdk/client-s3` ``), the name captured without `node:`. A single alternation between a
 * quote and a quote or `/`: nothing to backtrack into. List longer names first.
 */
export function moduleMentionPattern(names: readonly string[], flags = ''): RegExp {
  return new RegExp(`['"\`](?:node:)?(${names.map(escape).join('|')})['"\`/]`, flags);
}

/** The names of `pattern` (a global `moduleMentionPattern`) that `text` mentions, in one scan. */
export function mentionedModules(text: string, pattern: RegExp): ReadonlySet<string> {
  const found = new Set<string>();
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.add(match[1]!);
    // The closing quote may open the next specifier (`'pg','redis'` in a minified array).
    pattern.lastIndex = match.index + match[0].length - 1;
  }
  return found;
}
