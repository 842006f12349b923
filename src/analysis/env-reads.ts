import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { EnvValue, Value } from '../policy/value';
import { findVariable, isRelativeSpecifier, outerParent, requireSpecifier, staticKeyName, staticPropertyName, unwrap } from './ast';
import { NO_ENV_LIBRARIES, type EnvLibraries } from './env-libraries';
import { zodSchemaReads } from './zod-env';
import type { Evaluator } from './evaluate';

type Node = TSESTree.Node;

/**
 * One read of the environment in a file, wherever it is (not only at client sites), as the
 * evaluator sees its outermost form: `process.env.X || 'l'` is one read with a fallback.
 */
export interface EnvRead {
  name: string;
  /** The whole read expression (`process.env.X ?? 'l'`), or the destructuring property. */
  node: Node;
  value: EnvValue<Node>;
  /**
   * `process.env.X ? a : b` where neither branch is the read itself: the branches taken when
   * the variable is set and when it is not (`process.env.DATABASE_URL ? undefined : { host }`).
   */
  presence?: { whenSet: Value<Node>; whenUnset: Value<Node>; node: TSESTree.ConditionalExpression };
}

/**
 * Every statically named environment read of the file: `process.env` members (dot, bracket,
 * with `||`, `??`, presence ternaries), destructuring from `process.env` with defaults, and the
 * reads of env-var, envalid and convict. Found from the global `process` references and the
 * configuration-library calls, without walking the AST.
 */
export function findEnvReads(
  sourceCode: TSESLint.SourceCode,
  envObjects: ReadonlyArray<TSESTree.MemberExpression | TSESTree.Identifier>,
  evaluator: Evaluator,
  libraries: EnvLibraries,
): EnvRead[] {
  const reads: EnvRead[] = [];
  for (const envObject of envObjects) {
    processEnvRead(envObject, evaluator, reads, sourceCode);
    reads.push(...zodSchemaReads(envObject, evaluator, sourceCode));
  }
  // `import { env } from './env'; env.NATS_URL ?? 'nats://localhost:4222'`: the project's own
  // environment module, read by variable names.
  for (const reference of importedEnvReferences(sourceCode)) processEnvRead(reference, evaluator, reads, sourceCode, true);
  configFunctionReads(sourceCode, evaluator, reads);
  if (libraries !== NO_ENV_LIBRARIES) {
    for (const call of libraries.envVarGets) {
      const { node, value } = withDefault(outermostChainCall(call), evaluator);
      if (value.kind === 'env' && value.name !== undefined) reads.push({ name: value.name, node, value });
    }
    if (libraries.nestConfig || libraries.adonisEnv) nestConfigReads(sourceCode, evaluator, reads);
    for (const call of [...libraries.cleanEnvCalls, ...libraries.convictCalls]) {
      const isConvict = libraries.convictCalls.has(call);
      const value = isConvict ? convictSchemaReads(call, evaluator) : evaluator.evaluate(call);
      if (value.kind !== 'object') continue;
      for (const prop of value.props) {
        if (prop.value.kind === 'env' && prop.value.name !== undefined) reads.push({ name: prop.value.name, node: prop.node, value: prop.value });
      }
    }
  }
  return reads;
}

/**
 * `module.exports = ({ env }) => ({ host: env('DATABASE_HOST', '127.0.0.1') })` (Strapi's
 * config modules): each call of the `env` reader the exported function is handed.
 */
function configFunctionReads(sourceCode: TSESLint.SourceCode, evaluator: Evaluator, reads: EnvRead[]): void {
  if (!sourceCode.text.includes('env')) return;
  for (const statement of sourceCode.ast.body) {
    const fn = exportedFunction(statement);
    const pattern = fn?.params[0];
    if (pattern?.type !== 'ObjectPattern') continue;
    for (const property of pattern.properties) {
      if (property.type !== 'Property' || property.value.type !== 'Identifier' || property.key.type !== 'Identifier' || property.key.name !== 'env') continue;
      const variable = findVariable(sourceCode.getScope(property.value), property.value);
      for (const reference of variable?.references ?? []) {
        let call: Node | undefined = reference.identifier.parent as Node | undefined;
        if (call?.type === 'MemberExpression' && call.object === reference.identifier) call = call.parent as Node | undefined;
        if (call?.type !== 'CallExpression') continue;
        const read = withDefault(call, evaluator);
        if (read.value.kind === 'env' && read.value.name !== undefined) reads.push({ name: read.value.name, node: read.node, value: read.value });
      }
    }
  }
}

function exportedFunction(statement: TSESTree.ProgramStatement): TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration | undefined {
  let node: Node | undefined;
  if (statement.type === 'ExportDefaultDeclaration') node = statement.declaration as Node;
  else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') node = statement.expression.right;
  return node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression' || node?.type === 'FunctionDeclaration' ? node : undefined;
}

function processEnvRead(envObject: Node, evaluator: Evaluator, reads: EnvRead[], sourceCode: TSESLint.SourceCode, aliased = false): void {
  const { parent, child } = outerParent(envObject);
  // `const env = process.env; env.REDIS_HOST || 'localhost'`: each member of the alias is a read.
  if (!aliased && parent?.type === 'VariableDeclarator' && parent.init === child && parent.id.type === 'Identifier') {
    const variable = findVariable(sourceCode.getScope(parent.id), parent.id);
    for (const reference of variable?.references ?? []) {
      if (!reference.isWrite()) processEnvRead(reference.identifier as Node, evaluator, reads, sourceCode, true);
    }
    return;
  }
  if (parent?.type === 'MemberExpression' && parent.object === child) {
    const name = staticPropertyName(parent);
    if (name === undefined) return;
    let outer: Node = parent;
    // Climb through the forms the evaluator folds into one read with a fallback.
    for (;;) {
      const up = outerParent(outer);
      const p = up.parent;
      if (p?.type === 'LogicalExpression' && p.left === up.child && p.operator !== '&&') {
        outer = p;
        continue;
      }
      if (p?.type === 'ConditionalExpression' && p.test === up.child) {
        const value = evaluator.evaluate(p);
        if (value.kind === 'env') {
          outer = p;
          continue;
        }
        const whenSet = evaluator.evaluate(p.consequent);
        const whenUnset = evaluator.evaluate(p.alternate);
        reads.push({ name, node: p, value: { kind: 'env', name, source: 'process.env', node: parent }, presence: { whenSet, whenUnset, node: p } });
        return;
      }
      if (p?.type === 'UnaryExpression' && p.operator === '!') {
        // `!process.env.X ? local : remote`
        const up2 = outerParent(p);
        if (up2.parent?.type === 'ConditionalExpression' && up2.parent.test === up2.child) {
          const c = up2.parent;
          reads.push({
            name,
            node: c,
            value: { kind: 'env', name, source: 'process.env', node: parent },
            presence: { whenSet: evaluator.evaluate(c.alternate), whenUnset: evaluator.evaluate(c.consequent), node: c },
          });
          return;
        }
      }
      break;
    }
    const value = evaluator.evaluate(outer);
    if (value.kind === 'env' && value.name === name) reads.push({ name, node: outer, value });
    else if (outer.type === 'LogicalExpression') {
      // `process.env.DB_HOST || process.env.PGHOST || 'localhost'`: the last operand is the default.
      const fallbackNode = outer.right;
      reads.push({ name, node: outer, value: { kind: 'env', name, source: 'process.env', node: outer, fallback: evaluator.evaluate(fallbackNode), fallbackNode } });
    }
    return;
  }
  // `const { DATABASE_URL = 'postgres://localhost/dev' } = process.env`
  if (parent?.type === 'VariableDeclarator' && parent.init === child && parent.id.type === 'ObjectPattern') {
    for (const property of parent.id.properties) {
      if (property.type !== 'Property' || property.computed) continue;
      const name = staticKeyName(property);
      if (name === undefined) continue;
      if (property.value.type === 'AssignmentPattern') {
        const fallbackNode = property.value.right;
        const fallback = evaluator.evaluate(fallbackNode);
        reads.push({ name, node: property, value: { kind: 'env', name, source: 'process.env', node: property, fallback, fallbackNode } });
      } else reads.push({ name, node: property, value: { kind: 'env', name, source: 'process.env', node: property } });
    }
  }
}

/**
 * `configService.get('DATABASE_URL', 'postgres://localhost/dev')` in a file that imports
 * @nestjs/config: found from the text (`.get(` / `.get<string>(` followed by a quote), then
 * evaluated like any other read. Only `get` with a default can have a fallback.
 */
function nestConfigReads(sourceCode: TSESLint.SourceCode, evaluator: Evaluator, reads: EnvRead[]): void {
  const pattern = /\.get(?:<[^<>()]{0,80}>)?\(\s*['"`]/g;
  const seen = new Set<Node>();
  for (let match = pattern.exec(sourceCode.text); match; match = pattern.exec(sourceCode.text)) {
    const id = sourceCode.getNodeByRangeIndex(match.index + 1) as Node | null;
    const member = id?.parent;
    if (member?.type !== 'MemberExpression' || member.property !== id) continue;
    const call = outerParent(member);
    if (call.parent?.type !== 'CallExpression' || call.parent.callee !== call.child || seen.has(call.parent)) continue;
    seen.add(call.parent);
    const read = withDefault(call.parent, evaluator);
    if (read.value.kind === 'env' && read.value.source === 'config-service' && read.value.name !== undefined) reads.push({ name: read.value.name, node: read.node, value: read.value });
  }
}

/**
 * A read and the `||`/`??` default written after it (`config.get('REDIS_HOST') || 'redis'`),
 * which the evaluator folds into one read with a fallback.
 */
function withDefault(node: Node, evaluator: Evaluator): { node: Node; value: Value<Node> } {
  const { parent, child } = outerParent(node);
  if (parent?.type === 'LogicalExpression' && parent.left === child && parent.operator !== '&&') {
    const value = evaluator.evaluate(parent);
    if (value.kind === 'env') return { node: parent, value };
  }
  return { node, value: evaluator.evaluate(node) };
}

/** `env.get('X').default('y').asString()`: the outermost call of the chain. */
function outermostChainCall(call: Node): Node {
  let current: Node = call;
  for (let i = 0; i < 12; i++) {
    const member = outerParent(current);
    if (member.parent?.type !== 'MemberExpression' || member.parent.object !== member.child) break;
    const next = outerParent(member.parent);
    if (next.parent?.type !== 'CallExpression' || next.parent.callee !== next.child) break;
    current = next.parent;
  }
  return current;
}

/**
 * convict's schema as an object of env reads: every `{ env: 'X', default: ... }` leaf becomes
 * a read of X with that default.
 */
function convictSchemaReads(call: Node, evaluator: Evaluator): Value<Node> {
  if (call.type !== 'CallExpression' || !call.arguments[0]) return { kind: 'unknown', node: call };
  const schema = evaluator.evaluate(call.arguments[0]);
  const props: Array<{ key: string; value: Value<Node>; node: Node }> = [];
  const visit = (value: Value<Node>, depth: number): void => {
    if (value.kind !== 'object' || depth > 8) return;
    let envName: string | undefined;
    let fallback: { value: Value<Node>; node: Node } | undefined;
    for (const prop of value.props) {
      if (prop.key === 'env' && prop.value.kind === 'literal' && typeof prop.value.value === 'string') envName = prop.value.value;
      if (prop.key === 'default') fallback = { value: prop.value, node: prop.value.node };
    }
    if (envName !== undefined) {
      const read: EnvValue<Node> = fallback
        ? { kind: 'env', name: envName, source: 'convict', node: value.node, fallback: fallback.value, fallbackNode: fallback.node }
        : { kind: 'env', name: envName, source: 'convict', node: value.node };
      props.push({ key: envName, value: read, node: value.node });
      return;
    }
    for (const prop of value.props) visit(prop.value, depth + 1);
  };
  visit(schema, 0);
  return { kind: 'object', props, open: false, node: call };
}

/** True for an expression that is exactly a read of the named variable (for presence tests). */
export function isEnvReadOf(node: Node, evaluator: Evaluator, name: string): boolean {
  const value = evaluator.evaluate(unwrap(node));
  return value.kind === 'env' && value.name === name;
}

/**
 * `function connect(url = 'redis://localhost:6379') { return new Redis(url); }`: the default
 * of a simple parameter that `node` names, when nothing else writes it.
 */
export function parameterDefault(node: Node, scopeOf: (n: Node) => TSESLint.Scope.Scope): Node | undefined {
  const id = unwrap(node);
  if (id.type !== 'Identifier') return undefined;
  const variable = findVariable(scopeOf(id), id);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type !== 'Parameter') return undefined;
  const pattern = def.name.parent;
  if (pattern?.type !== 'AssignmentPattern' || pattern.left !== def.name) return undefined;
  const fn = def.node as { params?: Node[] };
  if (!fn.params?.includes(pattern)) return undefined;
  const writes = variable.references.filter((ref) => ref.isWrite() && ref.writeExpr !== pattern.right);
  if (writes.length > 0) return undefined;
  return pattern.right;
}

/** An environment variable's name: `NATS_URL`, not `isProduction` or `db`. */
const VARIABLE_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * The reads `env.NAME` (an upper-case name) of an object named `env` or `ENV` imported from a
 * module of the project (`import { env } from './env.mjs'`, `'~/env'`, `const { env } = require('../config')`):
 * the project's validated environment, as t3-env, envalid or a zod schema export it.
 */
export function importedEnvReferences(sourceCode: TSESLint.SourceCode): TSESTree.Identifier[] {
  const found: TSESTree.Identifier[] = [];
  for (const variable of importedEnvVariables(sourceCode)) {
    for (const reference of variable.references) {
      const id = reference.identifier;
      const member = id.parent;
      if (id.type !== 'Identifier' || member?.type !== 'MemberExpression' || member.object !== id) continue;
      const name = staticPropertyName(member);
      if (name !== undefined && VARIABLE_NAME.test(name)) found.push(id);
    }
  }
  return found;
}

/** Whether the file imports an `env` object from a module of the project (see `importedEnvReferences`). */
export function importsEnvObject(sourceCode: TSESLint.SourceCode): boolean {
  return importedEnvVariables(sourceCode).length > 0;
}

function importedEnvVariables(sourceCode: TSESLint.SourceCode): TSESLint.Scope.Variable[] {
  const variables: TSESLint.Scope.Variable[] = [];
  for (const statement of sourceCode.ast.body) {
    if (statement.type === 'ImportDeclaration' && isProjectSpecifier(statement.source.value)) {
      for (const specifier of statement.specifiers) {
        if (ENV_NAMES.has(specifier.local.name)) variables.push(...sourceCode.getDeclaredVariables(specifier));
      }
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        // The name first: most top-level declarations bind no `env`, and asking the scope costs more.
        if (!declarator.init || !bindsEnvName(declarator.id) || !isProjectSpecifier(requireSpecifier(unwrap(declarator.init)))) continue;
        for (const variable of sourceCode.getDeclaredVariables(declarator)) if (ENV_NAMES.has(variable.name)) variables.push(variable);
      }
    }
  }
  return variables;
}

const ENV_NAMES: ReadonlySet<string> = new Set(['env', 'ENV']);

/** Whether a declared pattern binds `env` or `ENV` (`env`, `{ env }`, `{ config: { env } }`, `[env]`). */
function bindsEnvName(pattern: TSESTree.Node): boolean {
  switch (pattern.type) {
    case 'Identifier':
      return ENV_NAMES.has(pattern.name);
    case 'ObjectPattern':
      return pattern.properties.some((property) => bindsEnvName(property.type === 'Property' ? property.value : property.argument));
    case 'ArrayPattern':
      return pattern.elements.some((element) => element !== null && bindsEnvName(element));
    case 'AssignmentPattern':
      return bindsEnvName(pattern.left);
    case 'RestElement':
      return bindsEnvName(pattern.argument);
    default:
      return false;
  }
}

/** A module of the project: relative, or through the `@/` and `~/` path aliases (`import { env } from '~/env'`). */
function isProjectSpecifier(specifier: string | undefined): boolean {
  return isRelativeSpecifier(specifier) || (specifier !== undefined && /^[@~]\//.test(specifier));
}
