import type { CatalogEntry } from '../../src/catalog/types';
import { environmentKind } from '../../src/policy/env-names';
import { differingEnvironmentEntry } from '../../src/policy/environment';
import { tlsIssues } from '../../src/policy/tls';
import { lookup, type ObjectValue, type Value } from '../../src/policy/value';
import type { EnvVariable } from '../transforms/env-service-url';
import { differingEntryNote } from '../transforms/environment-branching';
import { recipeFor } from '../transforms/recipe';
import { parseJson, type JsonMember, type JsonNode } from './json-tree';

type JNode = JsonNode | JsonMember;

export interface JsonConfigResult {
  output: string;
  sites: number;
  variables: EnvVariable[];
  secrets: string[];
  /**
   * What is left to do by hand, at the line of the output it is about: JSON has no comments to
   * leave a marker in, so these are the file's markers in the report.
   */
  notes: Array<{ line: number; text: string }>;
}

/** What one object of the file becomes: keys removed, keys set (new JSON text or a nested edit). */
interface ObjectEdit {
  remove: Set<string>;
  set: Map<string, string | ObjectEdit>;
  /** Where new top-level keys go: the slot of the first removed one. */
  at?: number;
}

/**
 * sequelize-cli's `config/config.json`: every environment entry that writes its location or
 * credentials reads the URL through `"use_env_variable"` instead, with the dialect's verified
 * TLS options under `dialectOptions`; every entry then connects the same way. The file keeps
 * its own formatting: only the edited objects are written again, in its indentation.
 */
export function rewriteSequelizeConfig(text: string, entry: CatalogEntry, option: string, name: string, file: string, locations: boolean): JsonConfigResult {
  const root = parseJson(text);
  const result: JsonConfigResult = { output: text, sites: 0, variables: [], secrets: [], notes: [] };
  if (root.kind !== 'object') return result;
  const edits = new Map<JsonNode & { kind: 'object' }, ObjectEdit>();
  const noted = new Map<string, string>();
  for (const member of root.members) {
    if (environmentKind(member.key) === undefined || member.value.kind !== 'object') continue;
    const options = toValue(member.value) as ObjectValue<JNode>;
    for (const key of entry.credentials.secretPaths) {
      const found = lookup(options, key);
      if (found.status === 'present' && found.value.kind === 'literal' && typeof found.value.value === 'string' && found.value.value !== '') result.secrets.push(found.value.value);
    }
    const recipe = recipeFor(entry, options);
    const keys = [...entry.location.hostPaths, ...entry.location.urlPaths, ...entry.location.portPaths, ...entry.credentials.userPaths, ...entry.credentials.secretPaths, ...recipe.supersededOptions];
    const hard = keys.some((key) => isHard(lookup(options, key)));
    if (recipe.noUrl) {
      // Said only of an entry with a location or credential to move (a SQLite entry has none).
      if (hard) noted.set(member.key, recipe.noUrl);
      continue;
    }
    const edit: ObjectEdit = { remove: new Set(), set: new Map() };
    if (locations && hard && lookup(options, option).status === 'absent') {
      for (const key of new Set(keys)) {
        const index = member.value.members.findIndex((m) => m.key === key);
        if (index < 0) continue;
        edit.remove.add(key);
        edit.at = Math.min(edit.at ?? index, index);
      }
      edit.set.set(option, JSON.stringify(name));
      result.variables.push({ name, service: entry.service, library: entry.displayName, file });
    }
    const issues = tlsIssues(entry, options, member.value as JNode);
    for (const [path, source] of Object.entries(recipe.tlsOptions)) {
      const present = lookup(options, path);
      const insecure = issues.some((issue) => issue.setting === path || issue.setting.startsWith(`${path}:`) || issue.setting.startsWith(`${path}.`) || issue.setting.startsWith(`${path} `));
      if (present.status === 'present' && !insecure) continue;
      setPath(edit, member.value, path.split('.'), jsonText(source));
    }
    if (edit.remove.size > 0 || edit.set.size > 0) {
      edits.set(member.value, edit);
      result.sites++;
    }
  }
  let output = text;
  // Later objects first, so earlier offsets stay valid.
  for (const [node, edit] of [...edits].sort(([a], [b]) => b.start - a.start)) output = output.slice(0, node.start) + printObject(text, node, edit) + output.slice(node.end);
  result.output = output;
  result.notes = notesFor(output, noted);
  return result;
}

/**
 * The notes for the written text: entries the rewrite left (`noted`), and an entry that still
 * connects differently from the others (another dialect, a file database), as the rules see it.
 */
function notesFor(output: string, noted: ReadonlyMap<string, string>): JsonConfigResult['notes'] {
  const root = parseJson(output);
  if (root.kind !== 'object') return [];
  const lineOf = (offset: number): number => output.slice(0, offset).split('\n').length;
  const notes = root.members.filter((m) => noted.has(m.key)).map((m) => ({ line: lineOf(m.start), text: noted.get(m.key)! }));
  const differing = differingEnvironmentEntry(toValue(root), (node) => `?${node.start}`);
  if (differing) notes.push({ line: lineOf(differing.node.start), text: differingEntryNote(differing.name, differing.client) });
  return notes.sort((a, b) => a.line - b.line);
}

function isHard(found: ReturnType<typeof lookup<JNode>>): boolean {
  return found.status === 'present' && found.value.kind === 'literal' && found.value.value !== null && found.value.value !== '';
}

function toValue(node: JsonNode): Value<JNode> {
  if (node.kind === 'literal') return { kind: 'literal', value: node.value, node };
  if (node.kind === 'array') return { kind: 'array', elements: node.elements.map(toValue), open: false, node };
  return { kind: 'object', props: node.members.map((m) => ({ key: m.key, value: toValue(m.value), node: m })), open: false, node };
}

/** A recipe's JS option text (`{ rejectUnauthorized: true }`) as JSON. */
function jsonText(source: string): string {
  return JSON.stringify(JSON.parse(source.replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":').replace(/'/g, '"')));
}

function setPath(edit: ObjectEdit, object: JsonNode | undefined, keys: string[], text: string): void {
  const [key, ...rest] = keys as [string, ...string[]];
  if (rest.length === 0) {
    edit.set.set(key, text);
    return;
  }
  const member = object?.kind === 'object' ? object.members.find((m) => m.key === key) : undefined;
  if (member?.value.kind === 'object') {
    const existing = edit.set.get(key);
    const nested = typeof existing === 'object' ? existing : { remove: new Set<string>(), set: new Map() };
    edit.set.set(key, nested);
    setPath(nested, member.value, rest, text);
    return;
  }
  const existing = edit.set.get(key);
  const value = typeof existing === 'string' ? (JSON.parse(existing) as Record<string, unknown>) : {};
  let cursor = value;
  for (const k of rest.slice(0, -1)) cursor = (cursor[k] ??= {}) as Record<string, unknown>;
  cursor[rest[rest.length - 1]!] = JSON.parse(text);
  edit.set.set(key, JSON.stringify(value));
}

/** The object's text with the edit applied, in the object's own layout (one line or one key a line). */
function printObject(text: string, node: JsonNode & { kind: 'object' }, edit: ObjectEdit): string {
  const lineStart = (offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
  const indentAt = (offset: number): string => /^[ \t]*/.exec(text.slice(lineStart(offset)))![0];
  const multiline = text.slice(node.start, node.end).includes('\n');
  const close = indentAt(node.end - 1);
  const inner = node.members[0] ? indentAt(node.members[0].start) : `${close}  `;
  const unit = inner.startsWith(close) && inner.length > close.length ? inner.slice(close.length) : '  ';
  const format = (json: string): string => (multiline ? JSON.stringify(JSON.parse(json), null, unit).split('\n').join(`\n${inner}`) : JSON.stringify(JSON.parse(json), null, 1).replace(/\n\s*/g, ' ').replace(/\{ /g, '{ ').replace(/ \}/g, ' }'));
  const parts: string[] = [];
  const added = new Set<string>();
  // The first new key (the variable's name) takes the slot of the removed location; the rest go last.
  const addNew = (limit: number): void => {
    for (const [key, value] of edit.set) {
      if (added.size >= limit) return;
      if (typeof value !== 'string' || added.has(key) || node.members.some((m) => m.key === key)) continue;
      parts.push(`${JSON.stringify(key)}: ${format(value)}`);
      added.add(key);
    }
  };
  node.members.forEach((member, i) => {
    if (i === edit.at) addNew(1);
    if (edit.remove.has(member.key)) return;
    const change = edit.set.get(member.key);
    const keyText = text.slice(member.start, member.value.start);
    if (change === undefined) parts.push(text.slice(member.start, member.end));
    else if (typeof change === 'string') parts.push(`${keyText}${format(change)}`);
    else parts.push(`${keyText}${member.value.kind === 'object' ? printObject(text, member.value, change) : format('{}')}`);
  });
  addNew(Infinity);
  if (parts.length === 0) return '{}';
  return multiline ? `{\n${inner}${parts.join(`,\n${inner}`)}\n${close}}` : `{ ${parts.join(', ')} }`;
}
