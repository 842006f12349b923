import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/**
 * Whether `node`, a variable's initial value, is only ever printed: every read of the variable
 * is an argument of a logging call (`const host = process.env.DB_HOST || '127.0.0.1';
 * console.log('host', host)`, `logger.info(...)`, `infolog(...)`). Such a value reaches no
 * client, so it configures nothing. A variable never read is not counted: a config module may
 * hand it on in ways not followed here.
 */
export function onlyPrinted(node: Node, sourceCode: TSESLint.SourceCode): boolean {
  if (isLoggedArgument(node)) return true;
  let value = node;
  while (value.parent && WRAPPERS.has(value.parent.type)) value = value.parent;
  const declarator = value.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== value || declarator.id.type !== 'Identifier') return false;
  const variable = sourceCode.getDeclaredVariables(declarator)[0];
  const reads = variable?.references.filter((reference) => reference.isRead()) ?? [];
  return reads.length > 0 && reads.every((reference) => isLoggedArgument(reference.identifier as Node));
}

const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion']);

/**
 * `console.log(x)`, `logger.info(`host ${x}`)`, `infolog('to ' + x)`, `logger.info('db', { host:
 * url ? 'from_url' : process.env.PGHOST || 'localhost' })`: the value is printed and goes no
 * further.
 */
function isLoggedArgument(value: Node): boolean {
  let argument: Node = value;
  while (argument.parent && holdsForPrinting(argument.parent, argument)) argument = argument.parent;
  const call = argument.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(argument as TSESTree.CallExpressionArgument)) return false;
  return isLogger(call.callee);
}

/** Whether `parent` only carries `child` into what it prints: a template, `+`, a property's value, a list, a choice or a default. */
function holdsForPrinting(parent: Node, child: Node): boolean {
  switch (parent.type) {
    case 'TemplateLiteral':
    case 'ObjectExpression':
    case 'ArrayExpression':
    case 'LogicalExpression':
      return true;
    case 'BinaryExpression':
      return parent.operator === '+';
    case 'Property':
      return parent.value === child;
    case 'ConditionalExpression':
      return parent.test !== child;
    default:
      return false;
  }
}

/** `console.x`, `logger.x`, `this.logger.x`, `log.x`, and functions named `log`, `infolog`, `logger`. */
function isLogger(callee: Node): boolean {
  if (callee.type === 'Identifier') return LOG_FUNCTION.test(callee.name);
  if (callee.type !== 'MemberExpression') return false;
  const object = callee.object;
  const name = object.type === 'Identifier' ? object.name : object.type === 'MemberExpression' && object.object.type === 'ThisExpression' && object.property.type === 'Identifier' ? object.property.name : undefined;
  return name !== undefined && LOGGER_OBJECT.test(name);
}

const LOG_FUNCTION = /^(?:info|warn|error|debug|trace|fatal)?log(?:ger)?$/i;
const LOGGER_OBJECT = /^(?:console|log|logger|_logger|winston|pino)$/i;
