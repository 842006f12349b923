import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { entryById, factoryMatches } from '../catalog';
import type { CatalogEntry, Factory } from '../catalog/types';
import { normalizeArguments } from '../policy/arguments';
import type { ObjectValue, Value } from '../policy/value';
import { getProperty } from '../policy/value';
import { findVariable, staticPropertyName, unwrap } from './ast';
import type { Evaluator } from './evaluate';
import type { ClientSite, ModuleAssignment } from './file-analysis';
import { trackModules, type ModuleUse } from './modules';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** At most this many option sets per call (branches of whole-argument conditionals). */
const MAX_VARIANTS = 4;

/**
 * Every client construction of the file resolved through imports and requires (and the
 * catalog's undeclared `globals`), with its arguments folded into options by the catalog
 * factory, and every assignment into a catalog module. `resolve` maps an import specifier to
 * its entry (settings first, then the catalog).
 */
export function resolveClientSites(
  sourceCode: TSESLint.SourceCode,
  evaluator: Evaluator,
  resolve: (specifier: string) => CatalogEntry | undefined,
  globals: ReadonlyArray<{ identifier: TSESTree.Identifier; module: string }> = [],
): { sites: ClientSite[]; assignments: ModuleAssignment[] } {
  const found = { sites: [] as ClientSite[], assignments: [] as ModuleAssignment[] };
  for (const use of trackModules(sourceCode, (m) => resolve(m) !== undefined, globals)) {
    const entry = resolve(use.module)!;
    if (use.kind === 'assign') {
      found.assignments.push({ entry, path: use.path, node: use.node as TSESTree.AssignmentExpression });
      continue;
    }
    if (use.kind === 'value') {
      const factory = entry.factories.find((f) => f.invoke === 'value' && f.key === use.key && factoryMatches(f.path, use.path));
      const holder = factory ? evaluator.evaluate(use.node) : undefined;
      const options = factory?.optionsKey !== undefined && holder?.kind === 'object' ? getProperty(holder, factory.optionsKey)?.value : holder;
      if (options?.kind === 'object') found.sites.push({ entry, origin: 'handed', node: options.node, args: [options], options });
      continue;
    }
    const factory = findFactory(entry, use);
    if (!factory) continue;
    const node = use.node as Call;
    if (node.arguments.some((arg) => arg.type === 'SpreadElement')) continue;
    found.sites.push(...callSites(entry, factory, node, evaluator, sourceCode));
  }
  return found;
}

/**
 * The sites one call makes: its arguments evaluated (by `evaluator`, which may bind the
 * parameters of the function around the call) and folded by the factory. A list argument
 * (`factory.each`) makes one site per element, a dispatching wrapper judges each by the client
 * it selects, and a whole argument that is a conditional between option objects makes one site
 * per branch.
 */
export function callSites(entry: CatalogEntry, factory: Factory, node: Call, evaluator: Evaluator, sourceCode: TSESLint.SourceCode, via?: Call): ClientSite[] {
  const args = node.arguments.map((arg) => evaluator.evaluate(arg as Node));
  const slots = typeof factory.args === 'string' ? factory.args : factory.args.map((slot) => (slot === '$async' ? '$spread' : slot));
  const folded = { ...factory, args: slots };
  const lists = (factory.each === undefined ? [args] : listElements(args, factory.each)).map((list) =>
    typeof factory.args === 'string' ? list : list.map((arg, i) => (factory.args[i] === '$async' ? asyncOptions(arg, evaluator, sourceCode) : arg)),
  );
  const sites: ClientSite[] = [];
  for (const list of lists) {
    for (const { args: variant, arms } of variants(list)) {
      const options = normalizeArguments(folded, variant, node as Node);
      const judged = factory.dispatch ? dispatched(factory.dispatch, options, sourceCode) : entry;
      if (!judged) continue;
      const site: ClientSite = { entry: judged, origin: 'call', factory, node, args, options };
      if (via) site.via = via;
      if (arms.length > 0) site.arms = arms;
      sites.push(site);
    }
  }
  return sites;
}

function findFactory(entry: CatalogEntry, use: ModuleUse): Factory | undefined {
  // `either` is `new` or a call; a plugin handed to `register` is only ever a `plugin` factory.
  const either = use.kind === 'new' || use.kind === 'call';
  return entry.factories.find((f) => ((either && f.invoke === 'either') || f.invoke === use.kind) && factoryMatches(f.path, use.path));
}

/**
 * NestJS `forRootAsync({ useFactory })`: what the factory function returns. `useFactory` may be
 * written inline or name a same-file function; `useClass` and `inject` are not followed (a typed
 * `create...Options()` method is found as a typed configuration instead).
 */
function asyncOptions(arg: Value<Node>, evaluator: Evaluator, sourceCode: TSESLint.SourceCode): Value<Node> {
  return factoryReturn(arg, evaluator, sourceCode) ?? { kind: 'unknown', node: arg.node };
}

/** What the `useFactory` of NestJS async module options returns; undefined without one. */
export function factoryReturn(options: Value<Node>, evaluator: Evaluator, sourceCode: TSESLint.SourceCode): Value<Node> | undefined {
  const factory = options.kind === 'object' ? getProperty(options, 'useFactory') : undefined;
  const fn = factory && functionNode(factory.value.node, sourceCode);
  return fn ? evaluator.returned(fn) : undefined;
}

/** The function a node is, or names (a function declaration or a `const` arrow). */
export function functionNode(node: Node, sourceCode: TSESLint.SourceCode): Node | undefined {
  const inner = unwrap(node);
  if (inner.type === 'ArrowFunctionExpression' || inner.type === 'FunctionExpression') return inner;
  if (inner.type !== 'Identifier') return undefined;
  const variable = findVariable(sourceCode.getScope(inner), inner);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'FunctionName') return def.node as Node;
  if (def?.type === 'Variable' && def.node.parent.kind === 'const' && def.node.init) {
    const init = unwrap(def.node.init);
    if (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') return init;
  }
  return undefined;
}

/** Argument lists with the list argument at `index` replaced by each of its elements. */
function listElements(args: Value<Node>[], index: number): Value<Node>[][] {
  const list = args[index];
  if (list?.kind !== 'array') return [args];
  return list.elements.map((element) => args.map((arg, i) => (i === index ? element : arg)));
}

/**
 * One argument list per branch of a whole-argument conditional between option objects
 * (`new Pool(isProd ? { ssl } : { host: 'localhost' })`), so each branch is judged as the
 * complete options it is, with the arms of `?:` it took. Other arguments stay as they are.
 */
function variants(args: Value<Node>[]): Array<{ args: Value<Node>[]; arms: Node[] }> {
  let lists: Array<{ args: Value<Node>[]; arms: Node[] }> = [{ args, arms: [] }];
  args.forEach((arg, i) => {
    if (arg.kind !== 'conditional') return;
    const leaves = choices(arg);
    if (!leaves.every(({ value }) => isOptionsLike(value)) || !leaves.some(({ value }) => value.kind === 'object')) return;
    const next = lists.flatMap(({ args: list, arms }) => leaves.map((leaf) => ({ args: list.map((a, j) => (j === i ? leaf.value : a)), arms: [...arms, ...leaf.arms] })));
    if (next.length <= MAX_VARIANTS) lists = next;
  });
  return lists;
}

/**
 * What a conditional argument may be, nested choices taken apart (`isProd ? prod : isTest ?
 * test : dev`), each with the arms of `?:` that lead to it.
 */
function choices(value: Value<Node>, arms: Node[] = []): Array<{ value: Value<Node>; arms: Node[] }> {
  if (value.kind !== 'conditional') return [{ value, arms }];
  const expression = value.node.type === 'ConditionalExpression' && value.branches.length === 2 ? value.node : undefined;
  return value.branches.flatMap((branch, b) => choices(branch, expression ? [...arms, b === 0 ? expression.consequent : expression.alternate] : arms));
}

/** An arm that is options, none, or options the analysis cannot see (`require('./knexfile')`). */
function isOptionsLike(value: Value<Node>): boolean {
  return value.kind === 'object' || value.kind === 'unknown' || (value.kind === 'literal' && (value.value === undefined || value.value === null));
}

/** The entry a dispatching wrapper hands these options to (`transport: Transport.REDIS`). */
export function dispatched(dispatch: NonNullable<Factory['dispatch']>, options: ObjectValue<Node>, sourceCode: TSESLint.SourceCode): CatalogEntry | undefined {
  const prop = getProperty(options, dispatch.path);
  if (!prop) return undefined;
  const member = memberName(prop.value.node, sourceCode);
  const id = member === undefined ? undefined : dispatch.cases[member];
  return id === undefined ? undefined : entryById(id);
}

/** `Transport.REDIS` (also through a `const`): the member's name. */
function memberName(node: Node, sourceCode: TSESLint.SourceCode, depth = 0): string | undefined {
  const inner = unwrap(node);
  if (inner.type === 'MemberExpression') return staticPropertyName(inner);
  if (inner.type !== 'Identifier' || depth > 2) return undefined;
  const variable = findVariable(sourceCode.getScope(inner), inner);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.parent.kind !== 'const' || !def.node.init) return undefined;
  return memberName(def.node.init, sourceCode, depth + 1);
}
