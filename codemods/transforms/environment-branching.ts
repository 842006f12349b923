import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable, normalisedReceiver, outerParent, staticPropertyName, stringLiteralValue, unwrap } from '../../src/analysis/ast';
import type { BranchingFinding } from '../../src/analysis/environment-branching';
import { environmentKind, isEnvironmentFlagVariable, isEnvironmentNameVariable, isServiceLocationEnvName } from '../../src/policy/env-names';
import { isLocalHostName } from '../../src/policy/environment';
import type { CatalogEntry } from '../../src/catalog/types';
import { walkValues } from '../../src/policy/value';
import { configFileConvention } from '../../src/analysis/config-files';
import { exportTarget } from '../../src/analysis/exports';
import { exportedNames } from '../../src/analysis/module-choice';
import type { Editor, Replacement } from '../analysis/edit';
import { propertyKey, statementOf, within } from '../analysis/estree';

type Node = TSESTree.Node;

type Kind = 'production' | 'non-production';

/**
 * `remove-environment-branching`: where a client's configuration (or the client itself) is
 * chosen by environment, keeps the production branch and removes the test. Kept nodes are
 * added to `kept` so the caller can make them read their location from the environment.
 */
export function removeEnvironmentBranching(editor: Editor, kept: Set<Node>, discarded: Set<Node> = new Set()): number {
  let count = 0;
  // Choices tried, and those removed or marked (the findings below skip those).
  const tried = new Set<Node>();
  const handled = new Set<Node>();
  for (const site of editor.analysis.sites) {
    // `const pool = isProd ? new Pool(a) : new Pool(b)` and `if (isProd) { ... } else { ... }`.
    if (site.origin === 'call' && !site.via) {
      const { parent: node, child } = outerParent(site.node);
      if (node?.type === 'ConditionalExpression' && node.test !== child && !tried.has(node)) {
        tried.add(node);
        const done = chooseConditional(editor, node, kept, discarded);
        if (done > 0) handled.add(node);
        count += done;
      }
      const branch = enclosingIf(site.node);
      if (branch && !tried.has(branch)) {
        tried.add(branch);
        const done = chooseIf(editor, branch, kept, discarded);
        if (done !== undefined) handled.add(branch);
        count += done ?? 0;
      }
    }
    // Whole configurations chosen by environment, and service settings (location, TLS,
    // credentials) inside one; a pool size or log level chosen by environment is not ours to change.
    const keys = serviceKeys(site.entry);
    const values = [
      ...site.args.filter((arg) => arg.kind === 'conditional'),
      ...site.options.props.filter((prop) => keys.has(prop.key)).flatMap((prop) => [...walkValues(prop.value)]),
    ];
    for (const value of values) {
      if (value.kind !== 'conditional' || tried.has(value.node)) continue;
      const node = unwrap(value.node);
      tried.add(value.node);
      if (node.type === 'ConditionalExpression') {
        const done = chooseConditional(editor, node, kept, discarded);
        if (done > 0) handled.add(node);
        count += done;
      } else if (node.type === 'LogicalExpression' && node.operator === '&&') {
        const kind = testKind(editor, node.left);
        if (kind === 'production') {
          if (editor.replace(node, node.right)) {
            kept.add(node.right);
            handled.add(node);
            count++;
          }
        } else if (kind === 'non-production') {
          editor.marker(node, 'this setting only applies outside production: keep one configuration for every environment');
          handled.add(node);
        }
      }
    }
  }
  // Every other choice the rules report (the same analysis finds them): an option's value that is
  // itself a test, a choice through a helper's returns or a later assignment, a client built in one
  // environment only, an entry picked from a per-environment map.
  for (const finding of editor.analysis.environmentBranching.findings()) {
    const construct = finding.branch.construct;
    if ([...handled].some((h) => within(construct, h))) continue;
    handled.add(construct);
    const done = removeChoice(editor, finding, kept, discarded);
    if (done === undefined) editor.marker(finding.at, `${finding.site.entry.displayName}: ${CHOICE_MARKER}`);
    else count += done;
  }
  // `export const DB_SSL = isProduction ? {...} : undefined` and an option definition's
  // `default: isProduction`: each takes production's value.
  for (const choice of editor.analysis.tlsSettingChoices) {
    if (handled.has(choice.at)) continue;
    handled.add(choice.at);
    const done = choice.at.type === 'ConditionalExpression' ? chooseConditional(editor, choice.at, kept, discarded) : productionDefault(editor, choice.at);
    if (done === 0) editor.marker(choice.at, `${choice.name}: ${CHOICE_MARKER}`);
    count += done;
  }
  return count + collapseEnvironmentMaps(editor, kept, discarded);
}

const CHOICE_MARKER = 'this chooses where or how it connects by environment or locality, in a way the codemod cannot tell apart: configure every environment the same way and read what differs (the URL, a CA) from the environment';

/**
 * `default: isProduction` → `default: true`, `toBool(process.env.DB_SSL, isProd)` →
 * `toBool(process.env.DB_SSL, true)`: the value production gives the option.
 */
function productionDefault(editor: Editor, at: Node): number {
  const test = at.type === 'Property' ? (at.value as Node) : at;
  const kind = testKind(editor, test);
  return kind && editor.replace(test, editor.expression(kind === 'production' ? 'true' : 'false')) ? 1 : 0;
}

/** Removes one reported choice, keeping what production does; undefined when it cannot tell how. */
function removeChoice(editor: Editor, finding: BranchingFinding, kept: Set<Node>, discarded: Set<Node>): number | undefined {
  const construct = finding.branch.construct;
  if (finding.kind === 'direct') {
    // `ssl: isProduction` → `ssl: true`: the value production gives the option (the property's
    // value is the test, or a name the analysis followed to it).
    // Reported at the definition of a variable named for the option (`const ssl = isProd`): the
    // definition takes the value, for every client the variable feeds.
    const kind = testKind(editor, construct);
    const at = finding.at;
    const replaced = at.type === 'Property' ? (at.value as Node) : at === construct ? construct : undefined;
    if (!kind || !replaced) return undefined;
    return editor.replace(replaced, editor.expression(kind === 'production' ? 'true' : 'false')) ? 1 : 0;
  }
  if (construct.type === 'ConditionalExpression') return testKind(editor, construct.test) ? chooseConditional(editor, construct, kept, discarded) : undefined;
  if (construct.type === 'IfStatement') return chooseIf(editor, construct, kept, discarded, true, finding.site.origin === 'module');
  if (construct.type === 'MemberExpression') return pickProduction(editor, construct);
  return undefined;
}

/**
 * `config[process.env.NODE_ENV]` → `config.production`, when the map is written here with one
 * production entry: every environment then uses what production uses.
 */
function pickProduction(editor: Editor, member: TSESTree.MemberExpression): number | undefined {
  if (!member.computed) return undefined;
  const map = editor.analysis.evaluator.evaluate(member.object);
  // A map with entries the analysis cannot see (a spread of something unknown) may hold another.
  if (map.kind !== 'object' || map.open) return undefined;
  const production = map.props.filter((p) => environmentKind(p.key) === 'production');
  if (production.length !== 1) return undefined;
  const key = production[0]!.key;
  const text = /^[A-Za-z_$][\w$]*$/.test(key) ? `${editor.sourceCode.getText(member.object)}.${key}` : `${editor.sourceCode.getText(member.object)}['${key}']`;
  return editor.replace(member, editor.expression(text)) ? 1 : 0;
}

/**
 * A knexfile's `{ development: {...}, production: {...} }` becomes its production entry, one
 * configuration for every environment (the env phase then makes it read the environment). A
 * tool whose CLI needs the per-environment keys (sequelize-cli reads `config[NODE_ENV]`) keeps
 * them; the env phase makes every entry read the same variable instead.
 */
function collapseEnvironmentMaps(editor: Editor, kept: Set<Node>, discarded: Set<Node>): number {
  const match = configFileConvention(editor.tree.path);
  if (!match || match.convention.layout === 'per-environment') return 0;
  const maps = new Set<TSESTree.ObjectExpression>();
  for (const site of editor.analysis.sites) {
    if (site.origin !== 'config-file') continue;
    const property = unwrap(site.options.node).parent;
    const map = property?.type === 'Property' ? property.parent : undefined;
    if (map?.type === 'ObjectExpression' && environmentKind(propertyKey(property!) ?? '') !== undefined) maps.add(map);
  }
  let count = 0;
  for (const map of maps) {
    const entries = map.properties.filter((p): p is Extract<typeof p, { type: 'Property' }> => p.type === 'Property');
    const production = entries.filter((p) => environmentKind(propertyKey(p) ?? '') === 'production');
    if (production.length !== 1 || entries.length !== map.properties.length) {
      editor.marker(map, `keep one ${match.entry.displayName} configuration for every environment, read from the environment (DATABASE_URL), instead of one entry per environment`);
      continue;
    }
    const keep = production[0]!.value;
    if (!editor.replace(map, keep)) continue;
    kept.add(keep);
    for (const p of entries) if (p !== production[0]) discarded.add(p.value);
    count++;
  }
  return count;
}

/** Top-level option names that hold where the service is, how TLS is set up or who logs in. */
function serviceKeys(entry: CatalogEntry): Set<string> {
  const paths = [
    ...entry.tls.switches.map((sw) => sw.path),
    ...entry.tls.bags,
    ...entry.tls.verifyOff.map((flag) => flag.path),
    ...entry.location.urlPaths,
    ...entry.location.hostPaths,
    ...entry.location.listPaths,
    ...entry.location.portPaths,
    ...entry.credentials.userPaths,
    ...entry.credentials.secretPaths,
    ...Object.keys(entry.recipe.tlsOptions),
    entry.recipe.urlOption,
  ];
  return new Set(paths.filter((p) => p !== '' && p !== '$arg').map((p) => p.split('.')[0]!));
}

function chooseConditional(editor: Editor, node: TSESTree.ConditionalExpression, kept: Set<Node>, discarded: Set<Node>): number {
  const kind = testKind(editor, node.test);
  if (!kind) return 0;
  const keep = kind === 'production' ? node.consequent : node.alternate;
  discarded.add(kind === 'production' ? node.alternate : node.consequent);
  if (!editor.replace(node, keep)) return 0;
  kept.add(keep);
  return 1;
}

/** The `if` whose branch (directly) holds the statement that builds this client. */
function enclosingIf(call: Node): TSESTree.IfStatement | undefined {
  const statement = statementOf(call);
  let parent = statement?.parent;
  if (parent?.type === 'BlockStatement') parent = parent.parent;
  return parent?.type === 'IfStatement' ? parent : undefined;
}

/**
 * `if (test) A else B` chosen by environment: what production runs stays, in place of the `if`
 * (unwrapped when its declarations cannot clash with the names around it, else as a block); a
 * kept branch that returns makes what follows it dead, and that goes too. Only when what goes
 * configures clients (the other path's own client, its options): a test that also switches
 * other code (logging, routes) gets a marker. `reported`: the rules report this very `if`, so a
 * test the codemod cannot tell apart is the caller's marker.
 */
function chooseIf(editor: Editor, node: TSESTree.IfStatement, kept: Set<Node>, discarded: Set<Node>, reported = false, picksModules = false): number | undefined {
  const assignment = unwrap(node.test);
  // `if (process.env.NODE_ENV = 'production')`: always true, and it sets the name; both stay.
  const alwaysTrue = assignment.type === 'AssignmentExpression' && assignment.operator === '=' && typeof stringLiteralValue(unwrap(assignment.right)) === 'string' && stringLiteralValue(unwrap(assignment.right)) !== '';
  const kind = alwaysTrue ? 'production' : testKind(editor, node.test);
  if (!kind) return reported ? undefined : 0;
  const keep = kind === 'production' ? node.consequent : node.alternate;
  const other = kind === 'production' ? node.alternate : node.consequent;
  const container = node.parent;
  const body = container && 'body' in container && Array.isArray(container.body) ? (container.body as Node[]) : container?.type === 'SwitchCase' ? container.consequent : undefined;
  const statements = (branch: Node | null): Node[] => (!branch ? [] : branch.type === 'BlockStatement' ? branch.body : [branch]);
  const kept_ = statements(keep);
  const last = kept_.at(-1);
  const ends = last?.type === 'ReturnStatement' || last?.type === 'ThrowStatement';
  const following = ends && body ? body.slice(body.indexOf(node) + 1) : [];
  const hoisted = following.some((s) => s.type === 'FunctionDeclaration' || (s.type === 'VariableDeclaration' && s.kind === 'var'));
  const dropped = [...statements(other), ...(hoisted ? [] : following)];
  // A choice between configuration modules: what goes only picks the other module.
  if (!body || !dropped.every((s) => configuresClients(editor, s) || (picksModules && picksModule(s)))) {
    editor.marker(node, 'the client is chosen by environment and the branches differ in more than service settings: keep one configuration read from the environment');
    return 0;
  }
  const declared = kept_.flatMap(declaredNames);
  const around = new Set([...editor.sourceCode.getScope(node).set.keys()]);
  const after = body.slice(body.indexOf(node) + 1).filter((s) => !dropped.includes(s));
  const unwrapped = declared.every((name) => !around.has(name) && !after.some((s) => usesName(s, name)));
  const replacement: Replacement[] = [...(alwaysTrue ? [editor.statement(assignment)] : []), ...(unwrapped || !keep ? kept_ : [keep])];
  if (!editor.replaceStatement(node, replacement)) return 0;
  if (!hoisted) for (const s of following) editor.removeStatement(s);
  if (other) discarded.add(other);
  for (const s of following) discarded.add(s);
  for (const s of kept_) kept.add(s);
  return 1;
}

/** A statement that builds a client or computes part of a client's options (and nothing else). */
function configuresClients(editor: Editor, statement: Node): boolean {
  const reaching = new Set<Node>();
  for (const site of editor.analysis.sites) {
    reaching.add(site.node);
    for (const value of walkValues(site.options)) reaching.add(value.node);
  }
  const inside = (node: Node): boolean => [...reaching].some((n) => within(n, node));
  const simple = (s: Node): boolean => s.type === 'ExpressionStatement' || s.type === 'VariableDeclaration' || s.type === 'ReturnStatement' || s.type === 'ThrowStatement';
  if (statement.type === 'BlockStatement') return statement.body.every((s) => configuresClients(editor, s));
  if (statement.type === 'IfStatement') return [statement.consequent, statement.alternate].every((s) => !s || configuresClients(editor, s));
  return simple(statement) && inside(statement);
}

/** `module.exports = require('./dev')`, `config = dev`: a statement that only picks a module. */
function picksModule(statement: Node): boolean {
  if (statement.type === 'BlockStatement') return statement.body.every(picksModule);
  if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') return false;
  const right = unwrap(statement.expression.right);
  // `module.exports = { mongoURI: process.env.MONGO_LOCAL }` (or `config = {...}` of an exported
  // `config`): the other configuration, written inline.
  if (right.type === 'ObjectExpression') {
    const left = unwrap(statement.expression.left);
    return exportTarget(left) === '' || (left.type === 'Identifier' && exportedNames(programOf(statement)).has(left.name));
  }
  return right.type === 'Identifier' || (right.type === 'CallExpression' && right.callee.type === 'Identifier' && right.callee.name === 'require');
}

function programOf(node: Node): TSESTree.Program {
  let current = node;
  while (current.parent) current = current.parent;
  return current as TSESTree.Program;
}

function declaredNames(statement: Node): string[] {
  if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) return [statement.id.name];
  if (statement.type !== 'VariableDeclaration') return [];
  const names: string[] = [];
  const visit = (pattern: Node | null): void => {
    if (!pattern) return;
    if (pattern.type === 'Identifier') names.push(pattern.name);
    else if (pattern.type === 'ObjectPattern') pattern.properties.forEach((p) => visit(p.type === 'Property' ? (p.value as Node) : p.argument));
    else if (pattern.type === 'ArrayPattern') pattern.elements.forEach((e) => visit(e));
    else if (pattern.type === 'AssignmentPattern') visit(pattern.left);
    else if (pattern.type === 'RestElement') visit(pattern.argument);
  };
  for (const declarator of statement.declarations) visit(declarator.id);
  return names;
}

function usesName(statement: Node, name: string): boolean {
  return new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(JSON.stringify(statement, (key, value: unknown) => (key === 'parent' ? undefined : value)));
}

/** Whether a test holds in production, outside it, or cannot be told. */
export function testKind(editor: Editor, test: Node, depth = 0): Kind | undefined {
  if (depth > 5) return undefined;
  const node = unwrap(test);
  if (node.type === 'UnaryExpression' && node.operator === '!') return invert(testKind(editor, node.argument, depth + 1));
  if (node.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(node.operator)) {
    if (node.left.type === 'PrivateIdentifier') return undefined;
    // The environment's name, a flag compared with its text (`process.env.USE_CLOUD_DB === 'true'`),
    // or locality (`host !== 'localhost'` holds where the service is remote, as in production).
    const kind =
      comparison(editor, node.left, node.right) ??
      comparison(editor, node.right, node.left) ??
      flagComparison(editor, node.left, node.right) ??
      flagComparison(editor, node.right, node.left) ??
      locality(node.right) ??
      locality(node.left);
    return node.operator.startsWith('!') ? invert(kind) : kind;
  }
  if (node.type === 'LogicalExpression' && node.operator !== '??') {
    // `process.env.MONGODB_URI && !process.env.MONGODB_URI.includes('127.0.0.1')`: a location
    // variable is set in production, but only beside a test of the environment or locality (on
    // its own, `REDIS_URL && REDIS_PASSWORD` says whether an optional service is configured).
    const [strictLeft, strictRight] = [testKind(editor, node.left, depth + 1), testKind(editor, node.right, depth + 1)];
    if (!strictLeft && !strictRight) return undefined;
    const [left, right] = [strictLeft ?? presence(editor, node.left), strictRight ?? presence(editor, node.right)];
    if (node.operator === '&&') return left === 'non-production' || right === 'non-production' ? 'non-production' : left === 'production' && right === 'production' ? 'production' : undefined;
    return left === 'production' || right === 'production' ? 'production' : left === 'non-production' && right === 'non-production' ? 'non-production' : undefined;
  }
  // `url.includes('localhost')`: true where the service is local.
  if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && ['includes', 'startsWith', 'endsWith'].includes(staticPropertyName(node.callee) ?? '')) {
    const text = node.arguments[0] && stringLiteralValue(unwrap(node.arguments[0] as Node));
    if (text !== undefined && LOCAL_TEXT.test(text)) return 'non-production';
  }
  const value = editor.analysis.evaluator.evaluate(node);
  if (value.kind === 'env' && value.name && isEnvironmentFlagVariable(value.name)) return flagKind(value.name);
  if (node.type === 'Identifier') {
    const variable = findVariable(editor.sourceCode.getScope(node), node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'Variable' && def.node.parent.kind === 'const' && def.node.id.type === 'Identifier' && def.node.init) return testKind(editor, def.node.init, depth + 1);
    // `import { IS_PRODUCTION } from './settings'`: defined elsewhere, its name says what it holds.
    if (def?.type === 'ImportBinding' && isEnvironmentFlagVariable(node.name)) return flagKind(node.name);
  }
  return undefined;
}

function comparison(editor: Editor, side: Node, other: Node): Kind | undefined {
  const read = comparedName(editor, side);
  const text = stringLiteralValue(unwrap(other));
  // `config.nodeEnv === 'production'`: a configuration object's own environment field.
  const field = read.type === 'MemberExpression' ? staticPropertyName(read) : undefined;
  if (text !== undefined && field !== undefined && isEnvironmentNameVariable(field) && editor.analysis.evaluator.evaluate(read).kind === 'unknown') return environmentKind(text);
  const value = editor.analysis.evaluator.evaluate(read);
  if (value.kind !== 'env' || !value.name || !isEnvironmentNameVariable(value.name)) return undefined;
  // `(NODE_ENV || 'development') === 'production'` holds only where the variable says so; a
  // default equal to the text would make it hold where it is unset too.
  if (text === undefined || (value.fallback && (value.fallback.kind !== 'literal' || String(value.fallback.value).toLowerCase() === text.toLowerCase()))) return undefined;
  return environmentKind(text);
}

/** The name a comparison reads, through `const nodeEnv = (...).toLowerCase()` and like normalisations. */
function comparedName(editor: Editor, side: Node): Node {
  let node = unwrap(side);
  for (let depth = 0; depth < 4; depth++) {
    const receiver = normalisedReceiver(node);
    if (receiver) {
      node = unwrap(receiver);
      continue;
    }
    const def = node.type === 'Identifier' ? findVariable(editor.sourceCode.getScope(node), node)?.defs : undefined;
    const only = def?.length === 1 ? def[0] : undefined;
    if (only?.type !== 'Variable' || only.node.parent.kind !== 'const' || !only.node.init || !normalisedReceiver(unwrap(only.node.init))) break;
    node = unwrap(only.node.init);
  }
  return node;
}

function flagKind(name: string): Kind {
  // A cloud-or-local switch says where the services are: the cloud is where production is.
  return /PROD|CLOUD/i.test(name) ? 'production' : 'non-production';
}

/** Text naming a loopback host (`localhost`, `127.0.0.1`, `::1`, `0.0.0.0`). */
const LOCAL_TEXT = /localhost|127\.0\.0\.1|::1|0\.0\.0\.0/i;

/** `process.env.IS_PROD === 'true'`: a flag compared with its true or false text. */
function flagComparison(editor: Editor, side: Node, other: Node): Kind | undefined {
  const value = editor.analysis.evaluator.evaluate(side);
  if (value.kind !== 'env' || !value.name || !isEnvironmentFlagVariable(value.name)) return undefined;
  const text = stringLiteralValue(unwrap(other))?.toLowerCase();
  const kind = flagKind(value.name);
  return text === 'true' || text === '1' ? kind : text === 'false' || text === '0' ? invert(kind) : undefined;
}

/** `x === 'localhost'` (`other` is the literal side): true where the service is local. */
function locality(other: Node): Kind | undefined {
  const text = stringLiteralValue(unwrap(other));
  return text !== undefined && isLocalHostName(text) ? 'non-production' : undefined;
}

/** A read of a location variable with no default: set in production (and in a test of locality). */
function presence(editor: Editor, node: Node): Kind | undefined {
  const value = editor.analysis.evaluator.evaluate(unwrap(node));
  return value.kind === 'env' && value.name && !value.fallback && isServiceLocationEnvName(value.name) ? 'production' : undefined;
}

function invert(kind: Kind | undefined): Kind | undefined {
  return kind === 'production' ? 'non-production' : kind === 'non-production' ? 'production' : undefined;
}

/**
 * An exported per-environment map (a sequelize-cli config, a knexfile built from constants) whose
 * entries still connect differently after the rewrite: which entry to keep is a decision (a
 * development entry on SQLite, another dialect in test), so a marker on the entry says what to do.
 */
export function markDifferingEnvironmentMaps(editor: Editor): void {
  for (const entry of editor.analysis.environmentBranching.differingEnvironmentEntries()) {
    editor.marker(entry.node, differingEntryNote(entry.name, entry.client));
  }
}

/** What a marker (or, in JSON, a report note) says of a per-environment entry that connects differently. */
export function differingEntryNote(name: string, client: string): string {
  return `the \`${name}\` entry connects differently from the others: give every environment the same ${client} settings (driver, location read from the environment, TLS) and let the environment tell them apart`;
}
