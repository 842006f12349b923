/**
 * Quoted module names in a file's text, found before any parsing: the codemods leave a file that
 * names no catalog module in quotes untouched without parsing it.
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
