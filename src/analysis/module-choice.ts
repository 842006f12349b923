import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { containsNode, findVariable, isRelativeSpecifier, relativeBinding, requireSpecifier, unwrap } from './ast';
import { exportedValues, exportTarget } from './exports';
import { environmentTestOf, type EnvironmentBranch } from './environment-tests';

type Node = TSESTree.Node;

/**
 * A choice by environment name between modules of the project that the file exports: the
 * configuration-by-environment-file layout (`config/keys.js` exporting `require('./prod')` in
 * production and `require('./dev')` elsewhere). `modules` are the relative modules chosen
 * between, each with the node that names it (its `require()` or the name bound to it).
 */
export interface ModuleChoice {
  branch: EnvironmentBranch;
  modules: Array<{ specifier: string; at: Node }>;
}

/**
 * Cheap test on the top-level statements and the file's imports (`importedSpecifiers`): a
 * top-level `if` or conditional that could choose between relative modules, and such a module
 * imported or required somewhere in the file.
 */
export function mayChooseModules(program: TSESTree.Program, specifiers: readonly string[]): boolean {
  return specifiers.some(isRelativeSpecifier) && topLevelChoices(program).length > 0;
}

/**
 * The file's top-level choices by environment between relative modules that reach its exports:
 * `module.exports = require(...)` in the paths of an `if`, a conditional between two modules
 * exported or held by a variable the exports read, and a variable given one module and, in an
 * `if`, another (`let config = prod; if (isDev) config = dev; module.exports = { ...config }`).
 */
export function moduleChoices(sourceCode: TSESLint.SourceCode): ModuleChoice[] {
  const program = sourceCode.ast;
  const exported = exportedValues(sourceCode).map(({ node }) => node);
  const reachesExports = (target: Target): boolean => {
    if (target.kind === 'exports') return true;
    return target.variable.references.some((reference) => reference.isRead() && exported.some((node) => containsNode(node, reference.identifier as Node)));
  };
  const moduleOf = (expression: Node): { specifier: string; at: Node } | undefined => {
    const node = unwrap(expression);
    const required = requireSpecifier(node);
    if (required !== undefined) return isRelativeSpecifier(required) ? { specifier: required, at: node } : undefined;
    if (node.type !== 'Identifier') return undefined;
    const variable = findVariable(sourceCode.getScope(node), node);
    const binding = variable ? relativeBinding(variable) : undefined;
    return binding && binding.name === undefined ? { specifier: binding.specifier, at: node } : undefined;
  };

  const found: ModuleChoice[] = [];
  // The modules each path picks are found first; only a construct that picks two is asked
  // whether its test is about the environment (the test classification costs more).
  for (const construct of topLevelChoices(program)) {
    const arms: Node[] = construct.type === 'IfStatement' ? [construct.consequent, ...(construct.alternate ? [construct.alternate] : [])] : [construct.consequent, construct.alternate];
    const picks = new Map<string, { target: Target; modules: Array<{ specifier: string; at: Node }> }>();
    const pick = (target: Target | undefined, value: Node | null | undefined): void => {
      const module = value && moduleOf(value);
      if (!target || !module) return;
      const key = target.kind === 'exports' ? target.key : `var:${target.variable.name}`;
      const entry = picks.get(key) ?? { target, modules: [] };
      entry.modules.push(module);
      picks.set(key, entry);
    };
    if (construct.type === 'IfStatement') {
      for (const arm of arms) {
        for (const assignment of assignmentsOf(arm)) pick(targetOf(assignment.left, sourceCode), assignment.right);
      }
      // `let config = prod; if (isDev) config = dev`: the declaration's module is the other path.
      if (!construct.alternate) {
        for (const { target } of picks.values()) {
          if (target.kind === 'variable') pick(target, (target.variable.defs[0]?.node as TSESTree.VariableDeclarator | undefined)?.init);
        }
      }
    } else {
      const target = conditionalTarget(construct, sourceCode);
      for (const arm of arms) pick(target, arm);
    }
    const chosen = [...picks.values()].find(({ target, modules }) => new Set(modules.map((m) => m.specifier)).size > 1 && reachesExports(target));
    if (!chosen) continue;
    const verdict = environmentTestOf(sourceCode, construct.test);
    if (verdict) found.push({ branch: { construct, test: construct.test, kind: verdict.kind, branches: arms, comparedWith: verdict.compared }, modules: chosen.modules });
  }
  return found;
}

/**
 * `if (NODE_ENV === 'production') module.exports = { mongoURI: process.env.MONGO_URL }; else
 * module.exports = { mongoURI: process.env.MONGO_LOCAL };`: a top-level `if` on the environment
 * whose paths each export a configuration written inline; the object of each path.
 */
export function inlineExportChoices(sourceCode: TSESLint.SourceCode): Array<{ branch: EnvironmentBranch; objects: Node[] }> {
  const found: Array<{ branch: EnvironmentBranch; objects: Node[] }> = [];
  const names = exportedNames(sourceCode.ast);
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== 'IfStatement') continue;
    const objects = exportedObjects(statement, names);
    if (!objects) continue;
    const verdict = environmentTestOf(sourceCode, statement.test);
    if (verdict) found.push({ branch: { construct: statement, test: statement.test, kind: verdict.kind, branches: [statement.consequent, statement.alternate!], comparedWith: verdict.compared }, objects });
  }
  return found;
}

/** Whether a top-level `if` exports an object literal in each of its two paths (see `inlineExportChoices`). */
export function mayExportByEnvironment(program: TSESTree.Program): boolean {
  const names = exportedNames(program);
  return program.body.some((statement) => statement.type === 'IfStatement' && exportedObjects(statement, names) !== undefined);
}

/** Names the module exports whole at the top level (`module.exports = config`, `export default config`). */
export function exportedNames(program: TSESTree.Program): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body) {
    const value =
      statement.type === 'ExportDefaultDeclaration'
        ? statement.declaration
        : statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' && exportTarget(unwrap(statement.expression.left)) === ''
          ? statement.expression.right
          : undefined;
    const inner = value && unwrap(value as Node);
    if (inner?.type === 'Identifier') names.add(inner.name);
  }
  return names;
}

/**
 * The object literal each path of an `if` with an `else` assigns to `module.exports`, or to a
 * name the module exports whole (`config = {...}` in each path, then `module.exports = config`).
 */
function exportedObjects(statement: TSESTree.IfStatement, names: ReadonlySet<string>): Node[] | undefined {
  if (!statement.alternate) return undefined;
  const objects = [statement.consequent, statement.alternate].map((arm) => {
    const assignment = assignmentsOf(arm).find((a) => {
      const left = unwrap(a.left);
      return exportTarget(left) === '' || (left.type === 'Identifier' && names.has(left.name));
    });
    const value = assignment && unwrap(assignment.right);
    return value?.type === 'ObjectExpression' ? value : undefined;
  });
  return objects.every((object) => object !== undefined) ? (objects as Node[]) : undefined;
}

/** Top-level `if` statements, and conditionals exported, assigned or declared at the top level. */
function topLevelChoices(program: TSESTree.Program): Array<TSESTree.IfStatement | TSESTree.ConditionalExpression> {
  const found: Array<TSESTree.IfStatement | TSESTree.ConditionalExpression> = [];
  const conditional = (node: Node | null | undefined): void => {
    const value = node && unwrap(node);
    if (value?.type === 'ConditionalExpression') found.push(value);
  };
  for (const statement of program.body) {
    if (statement.type === 'IfStatement') found.push(statement);
    else if (statement.type === 'VariableDeclaration') statement.declarations.forEach((declarator) => conditional(declarator.init));
    else if (statement.type === 'ExportDefaultDeclaration') conditional(statement.declaration as Node);
    else if (statement.type === 'TSExportAssignment') conditional(statement.expression);
    else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') conditional(statement.expression.right);
  }
  return found;
}

/** `key`: the export's name, `''` for the module's value. */
type Target = { kind: 'exports'; key: string } | { kind: 'variable'; variable: TSESLint.Scope.Variable };

/** `module.exports`, `exports.db`, `module.exports.db`, or a top-level variable. */
function targetOf(left: Node, sourceCode: TSESLint.SourceCode): Target | undefined {
  const node = unwrap(left);
  if (node.type === 'Identifier') {
    const variable = findVariable(sourceCode.getScope(node), node);
    // Top level in a script, an ES module or CommonJS (whose top level is a function scope).
    return variable?.scope.block.type === 'Program' ? { kind: 'variable', variable } : undefined;
  }
  const key = exportTarget(node);
  return key === undefined ? undefined : { kind: 'exports', key };
}

/** Where a top-level conditional's value goes: `module.exports = c`, `export default c`, `const x = c`. */
function conditionalTarget(conditional: Node, sourceCode: TSESLint.SourceCode): Target | undefined {
  let node: Node = conditional;
  while (node.parent && unwrap(node.parent) !== node.parent) node = node.parent;
  const parent = node.parent;
  if ((parent?.type === 'ExportDefaultDeclaration' || parent?.type === 'TSExportAssignment') && parent.parent.type === 'Program') return { kind: 'exports', key: '' };
  if (parent?.type === 'AssignmentExpression' && parent.right === node && parent.parent.type === 'ExpressionStatement' && parent.parent.parent.type === 'Program') return targetOf(parent.left, sourceCode);
  if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier' && parent.parent.parent.type === 'Program') return targetOf(parent.id, sourceCode);
  return undefined;
}

/** The `=` assignments an `if` path makes at its own level (`{ module.exports = ... }`). */
function assignmentsOf(arm: Node): TSESTree.AssignmentExpression[] {
  const statements = arm.type === 'BlockStatement' ? arm.body : [arm];
  return statements.flatMap((statement) =>
    statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' && statement.expression.operator === '=' ? [statement.expression] : [],
  );
}
