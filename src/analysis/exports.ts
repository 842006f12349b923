import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, staticPropertyName, unwrap } from './ast';
import { factoryReturn, functionNode } from './client-sites';
import type { Value } from '../policy/value';
import { returnArguments, type Evaluator } from './evaluate';

type Node = TSESTree.Node;

/** A value a module exports, with the name it is exported under (none for the default). */
export interface ExportedValue {
  node: Node;
  name: string | undefined;
}

/**
 * The values the module exports at its top level: `module.exports = x`, `module.exports.a = x`,
 * `exports.a = x`, `export default x`, `export const a = x`, `export { a }` and TypeScript's
 * `export = x`. Declarations only by their value (an exported function is its node).
 */
export function exportedValues(sourceCode: TSESLint.SourceCode): ExportedValue[] {
  const found: ExportedValue[] = [];
  for (const statement of topLevelStatements(sourceCode.ast.body)) {
    switch (statement.type) {
      case 'ExpressionStatement': {
        const expression = statement.expression;
        if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') break;
        const name = exportTarget(expression.left);
        if (name !== undefined) found.push({ node: expression.right, name: name === '' ? undefined : name });
        break;
      }
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration;
        if (declaration.type !== 'ClassDeclaration' && declaration.type !== 'TSInterfaceDeclaration' && declaration.type !== 'TSDeclareFunction') found.push({ node: declaration as Node, name: undefined });
        break;
      }
      case 'ExportNamedDeclaration': {
        if (statement.declaration?.type === 'VariableDeclaration') {
          for (const declarator of statement.declaration.declarations) {
            if (declarator.id.type === 'Identifier' && declarator.init) found.push({ node: declarator.init, name: declarator.id.name });
          }
        } else if (statement.declaration?.type === 'FunctionDeclaration' && statement.declaration.id) {
          // `export function mysqlOptions() { return {...} }`: what it returns.
          found.push({ node: statement.declaration, name: statement.declaration.id.name });
        } else if (!statement.declaration && !statement.source) {
          for (const specifier of statement.specifiers) {
            if (specifier.local.type === 'Identifier') found.push({ node: specifier.local, name: specifier.local.name });
          }
        }
        break;
      }
      case 'TSExportAssignment':
        found.push({ node: statement.expression, name: undefined });
        break;
      default:
        break;
    }
  }
  return found;
}

/**
 * The module's top-level statements, and those of top-level `if` branches: a config module may
 * export one object or another by the environment (`if (process.env.NODE_ENV === 'production')
 * module.exports = {...}; else module.exports = {...}`).
 */
function topLevelStatements(body: readonly TSESTree.ProgramStatement[] | readonly TSESTree.Statement[]): Array<TSESTree.ProgramStatement | TSESTree.Statement> {
  // Asked of every file: a plain list, no generator, and none at all without a top-level `if`.
  if (!body.some((statement) => statement.type === 'IfStatement')) return body as Array<TSESTree.ProgramStatement | TSESTree.Statement>;
  return body.flatMap((statement) => {
    if (statement.type !== 'IfStatement') return [statement];
    return [statement.consequent, statement.alternate].flatMap((branch) => (branch ? topLevelStatements(branch.type === 'BlockStatement' ? branch.body : [branch]) : []));
  });
}

/** `''` for `module.exports`, the key for `module.exports.a` / `exports.a`, else undefined. */
export function exportTarget(left: Node): string | undefined {
  if (left.type !== 'MemberExpression') return undefined;
  const object = unwrap(left.object);
  const name = staticPropertyName(left);
  if (object.type === 'Identifier' && object.name === 'module' && name === 'exports') return '';
  if (object.type === 'Identifier' && object.name === 'exports' && name !== undefined) return name;
  if (object.type === 'MemberExpression' && object.object.type === 'Identifier' && object.object.name === 'module' && staticPropertyName(object) === 'exports' && name !== undefined) return name;
  return undefined;
}

/**
 * Whether an export may hold configuration, by its form alone: a class, a function that returns
 * no object, name or choice, an imported binding, a `require(...)`, `void 0`, a number or a string
 * that is no URL cannot.
 * A name is followed to its one declaration. Syntax and scope only, so it runs before any
 * evaluation: most library modules export nothing else.
 */
export function mayBeConfiguration(exported: ExportedValue, sourceCode: TSESLint.SourceCode): boolean {
  let node = unwrap(exported.node);
  if (node.type === 'Identifier') {
    const variable = findVariable(sourceCode.getScope(node), node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!def) return true;
    if (def.type === 'ClassName' || def.type === 'ImportBinding') return false;
    if (def.type === 'FunctionName') return returnsConfiguration(def.node as TSESTree.FunctionLike);
    if (def.type !== 'Variable' || !def.node.init) return true;
    node = unwrap(def.node.init);
  }
  // `exports.b = exports.a = void 0`: what the chain assigns.
  while (node.type === 'AssignmentExpression') node = unwrap(node.right);
  if (cannotBeConfiguration(node)) return false;
  return node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration' ? returnsConfiguration(node) : true;
}

/** Whether an exported expression cannot hold configuration by its form alone (a class, `void 0`, a `require(...)`, a string that is no URL). */
function cannotBeConfiguration(node: Node): boolean {
  switch (node.type) {
    case 'ClassExpression':
    case 'ClassDeclaration':
    case 'UnaryExpression':
      return true;
    case 'Literal':
      // A string is configuration only as a service URL (`export const queue = 'amqp://...'`).
      return !(typeof node.value === 'string' && node.value.includes('://'));
    case 'CallExpression':
      return node.callee.type === 'Identifier' && node.callee.name === 'require';
    default:
      return false;
  }
}

/** What one export configures, evaluated, under the name it is exported as. */
export interface ExportedConfiguration {
  value: Value<Node>;
  name: string | undefined;
}

/** What each of the module's exports configures (see `exportedConfiguration`), in order. */
export function exportedConfigurations(exported: readonly ExportedValue[], evaluator: Evaluator, sourceCode: TSESLint.SourceCode): ExportedConfiguration[] {
  return exported.map((value) => exportedConfiguration(value, evaluator, sourceCode));
}

/**
 * What an exported value configures: the value itself, or what an exported configuration
 * function returns (`export default () => ({ database: {...} })`, a NestJS
 * `registerAs('database', () => ({...}))`, a `defineConfig({...})`-style identity call).
 */
function exportedConfiguration(exported: ExportedValue, evaluator: Evaluator, sourceCode: TSESLint.SourceCode): ExportedConfiguration {
  const node = unwrap(exported.node);
  if (node.type === 'CallExpression') {
    // `registerAs('mail', () => ({...}))`: the namespace names what the object configures.
    const factory = node.arguments.length === 2 ? functionNode(node.arguments[1] as Node, sourceCode) : undefined;
    const namespace = node.arguments[0]?.type === 'Literal' ? String(node.arguments[0].value) : undefined;
    if (factory && calleeName(node) === 'registerAs') return { value: evaluator.returned(factory), name: namespace ?? exported.name };
  }
  const fn = node.type === 'FunctionDeclaration' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression' ? node : undefined;
  if (fn) return { value: returnsConfiguration(fn) ? evaluator.returned(fn) : { kind: 'unknown', node }, name: exported.name };
  const value = evaluator.evaluate(exported.node);
  // NestJS async module options kept in a module of their own (`export const dbOptions = {
  // inject, useFactory: () => ({...}) }`, handed to `forRootAsync` elsewhere): what the factory returns.
  return { value: factoryReturn(value, evaluator, sourceCode) ?? value, name: exported.name };
}

/**
 * Whether an exported function may return configuration: one of its returned expressions is an
 * object literal, or a name, choice or default that may hold one. A library's exported helpers
 * return calls and computed values; evaluating them all would cost every file that exports code.
 */
function returnsConfiguration(fn: TSESTree.FunctionLike): boolean {
  if (!fn.body) return false;
  const returned = fn.body.type === 'BlockStatement' ? returnArguments(fn.body) : [fn.body];
  return returned.some((expression) => CONFIGURATION_FORMS.has(unwrap(expression).type));
}

const CONFIGURATION_FORMS: ReadonlySet<string> = new Set(['ObjectExpression', 'Identifier', 'ConditionalExpression', 'LogicalExpression']);

function calleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') return callee.name;
  return callee.type === 'MemberExpression' ? staticPropertyName(callee) : undefined;
}
