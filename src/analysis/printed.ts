import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/**
 * Whether `node`, a variable's initial value, is only ever printed: every read of the variable
 * is an argument of a `console` method (`const host = process.env.DB_HOST || '127.0.0.1';
 * console.log('host', host)`). Such a value reaches no client, so it configures nothing. A
 * variable never read is not counted: a config module may hand it on in ways not followed here.
 */
export function onlyPrinted(node: Node, sourceCode: TSESLint.SourceCode): boolean {
  let value = node;
  while (value.parent && WRAPPERS.has(value.parent.type)) value = value.parent;
  const declarator = value.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== value || declarator.id.type !== 'Identifier') return false;
  const variable = sourceCode.getDeclaredVariables(declarator)[0];
  const reads = variable?.references.filter((reference) => reference.isRead()) ?? [];
  return reads.length > 0 && reads.every((reference) => isConsoleArgument(reference.identifier as Node));
}

const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion']);

/** `console.log(x)`, `console.info(`host ${x}`)`: the identifier is printed and goes no further. */
function isConsoleArgument(identifier: Node): boolean {
  let argument: Node = identifier;
  while (argument.parent?.type === 'TemplateLiteral' || (argument.parent?.type === 'BinaryExpression' && argument.parent.operator === '+')) argument = argument.parent;
  const call = argument.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(argument as TSESTree.CallExpressionArgument)) return false;
  const callee = call.callee;
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'console';
}
