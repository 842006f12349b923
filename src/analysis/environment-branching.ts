import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  clientSignature,
  clientConnectionShape,
  differingEntry,
  type DifferingEntry,
  differingEnvironmentEntry,
  isTestRunnerGuard,
  mayHoldEnvironmentEntries,
  perEnvironmentEntries,
  serviceConfigDiffers,
  touchesServiceConfig,
  valueShapeText,
  valuesWithPaths,
} from '../policy/environment';
import { environmentKind } from '../policy/env-names';
import type { Value } from '../policy/value';
import { lookup } from '../policy/value';
import { asEnvDefinition } from '../policy/env-defaults';
import { containsNode, findVariable, staticKeyName, staticPropertyName, unwrap } from './ast';
import { environmentTestOf, type BranchTestKind, type EnvironmentBranch } from './environment-tests';
import type { NamedSetting } from './named-settings';
import type { Evaluator } from './evaluate';
import type { ChosenConfiguration, ClientSite } from './file-analysis';

type Node = TSESTree.Node;

/** Where a value reaches a client: the site and the option path (`''` for a whole argument). */
export interface OptionSlot {
  site: ClientSite;
  path: string;
}

/**
 * A choice by environment name or locality that reaches a client, as `no-environment-branching`
 * reports it and the codemod removes it: a test used as an option's value (`direct`), a client
 * built in some paths only (`buildsClient`), an entry picked from a per-environment map (`map`),
 * or a choice of configuration (`config`). `at` is where the report goes.
 */
export interface BranchingFinding {
  kind: 'direct' | 'buildsClient' | 'map' | 'config';
  branch: EnvironmentBranch;
  site: ClientSite;
  /** The option path the choice reaches (`''` for a whole argument). */
  path: string;
  at: Node;
}

interface OptionIndex {
  conditionals: Map<Node, OptionSlot & { branches: Value<Node>[] }>;
  opaque: Map<Node, OptionSlot>;
}

/**
 * Named TLS settings exported for another module's client whose value is chosen by environment
 * name or locality (`export const DB_SSL = IS_PRODUCTION ? { rejectUnauthorized: false } :
 * undefined`), where the choices differ, and option definitions of such settings whose default
 * is the test (`definitions`: their env reads, in a convict schema or handed to a helper with the
 * test beside them); reported at the choice, which is what must change.
 */
export function settingChoices(
  sourceCode: TSESLint.SourceCode,
  settings: readonly NamedSetting[],
  definitions: ReadonlyArray<{ name: string; node: Node }>,
): SettingChoice[] {
  // An option definition whose default is the test (convict's `{ default: isProduction, env: 'DB_SSL' }`).
  const defaults = (name: string, definition: Node | undefined): SettingChoice[] => {
    const fallback = definition?.type === 'ObjectExpression' ? definition.properties.find((p) => p.type === 'Property' && staticKeyName(p) === 'default') : undefined;
    const verdict = fallback?.type === 'Property' ? environmentTestOf(sourceCode, fallback.value as Node) : null;
    return verdict && !isTestRunnerGuard(verdict.compared) ? [{ name, at: fallback!, kind: verdict.kind }] : [];
  };
  // `toBool(process.env.DB_SSL, isProduction)`: a helper handed the read and, as its default, the test.
  const helperDefault = (name: string, read: Node): SettingChoice[] => {
    const call = read.parent;
    if (call?.type !== 'CallExpression' || !call.arguments.includes(read as TSESTree.CallExpressionArgument)) return [];
    for (const argument of call.arguments) {
      if (argument === read) continue;
      const verdict = environmentTestOf(sourceCode, argument);
      if (verdict && !isTestRunnerGuard(verdict.compared)) return [{ name, at: argument, kind: verdict.kind }];
    }
    return [];
  };
  const found = definitions.flatMap(({ name, node }) => [...defaults(name, node), ...helperDefault(name, node)]);
  return found.concat(settings.flatMap(({ name, value }) => {
    if (asEnvDefinition(value)) return found.some((choice) => containsNode(value.node, choice.at)) ? [] : defaults(name, value.node);
    if (value.kind !== 'conditional' || value.guarded) return [];
    const node = unwrap(value.node);
    if (node.type !== 'ConditionalExpression' && node.type !== 'LogicalExpression') return [];
    const verdict = environmentTestOf(sourceCode, value.test);
    // `isProduction && {...}` holds the settings in one path only, whatever they are.
    const differ = node.type === 'LogicalExpression' || new Set(value.branches.map(shapeText)).size > 1;
    if (!verdict || isTestRunnerGuard(verdict.compared) || !differ) return [];
    return [{ name, at: node, kind: verdict.kind }];
  }));
}

/** A service's TLS setting chosen by environment, and where the choice is (see `settingChoices`). */
export interface SettingChoice {
  name: string;
  at: Node;
  kind: BranchTestKind;
}

/** The same unknown wherever it is written when it is a name; otherwise this very expression. */
function unknownKey(node: Node): string {
  return node.type === 'Identifier' ? `?id:${node.name}` : `?${node.range[0]}`;
}

/** Every unknown alike: map entries whose settings the analysis cannot see are not told apart by them. */
const anyUnknown = (): string => '?';

/** A value's shape as text, for comparing what the paths of a branch give (`serviceConfigDiffers`). */
export function shapeText(value: Value<Node> | undefined): string {
  return valueShapeText(value, unknownKey);
}

/**
 * How the environment name or locality reaches the given clients (attached resources): the
 * file's environment branches, and where each conditional or unknown value inside the clients'
 * options sits. Built once per file by `FileAnalysis.environmentBranching`, lazily.
 */
export class EnvironmentBranching {
  private index: OptionIndex | undefined;
  private built: ClientSite[] | undefined;

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly evaluator: Evaluator,
    readonly sites: readonly ClientSite[],
    private readonly findBranches: () => EnvironmentBranch[],
    private readonly mayExportMap: () => boolean,
    /** The file's exported values (a JSON document is one), evaluated. */
    private readonly exported: () => Value<Node>[],
    /** Modules of the project chosen by environment that hold configuration (`require('./prod')`). */
    private readonly chosenModules: () => ChosenConfiguration[] = () => [],
    /** A tool's config file (a knexfile) whose exported map is keyed by environment, whatever its keys. */
    private readonly keyedByTool = false,
    /** The value a project module exports under an imported name, for comparison only. */
    private readonly importedValue: (id: TSESTree.Identifier) => Value<Node> | undefined = () => undefined,
  ) {}

  /** Paths of a choice, names imported from a project module read from it (`isLocal ? localDbOptions : serverDbOptions`). */
  private compared(branches: readonly Value<Node>[]): Value<Node>[] {
    return branches.map((value) => (value.kind === 'unknown' && value.node.type === 'Identifier' ? (this.importedValue(value.node) ?? value) : value));
  }

  /** Sites that construct a client here (not configuration objects, not helper instantiations). */
  private get constructions(): readonly ClientSite[] {
    return (this.built ??= this.sites.filter((site) => site.origin === 'call' && !site.via));
  }

  /** Constructs whose test reads the environment name or locality (`isProd ? a : b`). */
  get branches(): EnvironmentBranch[] {
    return this.findBranches();
  }

  /** Conditional values inside each client's options, by their construct node. */
  get conditionals(): ReadonlyMap<Node, OptionSlot & { branches: Value<Node>[] }> {
    return (this.index ??= this.buildIndex()).conditionals;
  }

  /** Unknown values inside options (identifiers, `map[env]`), by node, with their path. */
  get opaque(): ReadonlyMap<Node, OptionSlot> {
    return (this.index ??= this.buildIndex()).opaque;
  }

  private buildIndex(): OptionIndex {
    const conditionals = new Map<Node, OptionSlot & { branches: Value<Node>[] }>();
    const opaque = new Map<Node, OptionSlot>();
    for (const site of this.sites) {
      // The option an argument fills first (`mongoose.connect(isProd ? a : b)` chooses `url`),
      // then whole arguments (`new Pool(isProd ? a : b)`).
      for (const { path, value } of valuesWithPaths(site.options)) {
        if (value.kind === 'conditional' && !conditionals.has(value.node)) conditionals.set(value.node, { site, path, branches: value.branches });
        // A name (or `map[key]`) is where assignments and picks reach the options, whether its
        // value is unknown or the several values a reassigned variable or a map can hold.
        if ((value.kind === 'unknown' || (value.kind === 'conditional' && isNamedChoice(value.node))) && !opaque.has(value.node)) opaque.set(value.node, { site, path });
      }
      site.args.forEach((arg) => {
        if (arg.kind === 'conditional' && !conditionals.has(arg.node)) conditionals.set(arg.node, { site, path: '', branches: arg.branches });
        if ((arg.kind === 'unknown' || (arg.kind === 'conditional' && isNamedChoice(arg.node))) && !opaque.has(arg.node)) opaque.set(arg.node, { site, path: '' });
      });
    }
    return { conditionals, opaque };
  }

  /**
   * A test used directly as a service option's value: `tls: process.env.NODE_ENV === 'production'`.
   * Each comes as a branch of its own whose construct and test are the value.
   */
  *directTests(): Generator<OptionSlot & { branch: EnvironmentBranch; at: Node }> {
    for (const site of this.sites) {
      for (const { path, value } of valuesWithPaths(site.options)) {
        if (value.kind !== 'unknown' && value.kind !== 'env') continue;
        const node = value.node;
        if (node.type !== 'BinaryExpression' && node.type !== 'UnaryExpression' && node.type !== 'MemberExpression' && node.type !== 'CallExpression' && node.type !== 'LogicalExpression') continue;
        if (!touchesServiceConfig(site.entry, path, [])) continue;
        const verdict = environmentTestOf(this.sourceCode, node);
        if (!verdict) continue;
        // Reported at the option (`ssl: isProduction`), where the client is told to connect
        // differently, not where the flag is defined; but a variable named for the option it
        // feeds (`const ssl = NODE_ENV === 'production'`, then `{ ssl }` in every client) holds
        // the choice itself, so the report goes to its definition, once for all its clients.
        const found = lookup(site.options, path);
        const at = found.status === 'present' && found.value === value ? (this.optionVariableTest(found.prop.node, path, node) ?? found.prop.node) : node;
        yield { site, path, at, branch: { construct: node, test: node, kind: verdict.kind, branches: [], comparedWith: verdict.compared } };
      }
    }
  }

  /** `test` when it is the whole definition of a variable named for the option `property` gives it (`ssl`, `useSsl`). */
  private optionVariableTest(property: Node, path: string, test: Node): Node | undefined {
    if (property.type !== 'Property' || property.value.type !== 'Identifier') return undefined;
    const variable = findVariable(this.sourceCode.getScope(property.value), property.value);
    const def = variable?.defs.length === 1 ? variable.defs[0]! : undefined;
    if (def?.type !== 'Variable' || !def.node.init || unwrap(def.node.init) !== test) return undefined;
    const option = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    return option.length > 0 && variable!.name.toLowerCase().includes(option) ? test : undefined;
  }

  /**
   * Every choice by environment name or locality that reaches a client, once per report node;
   * a guard for the test runner (`if (NODE_ENV !== 'test') connect()`) is not one.
   */
  findings(): BranchingFinding[] {
    const found: BranchingFinding[] = [];
    const seen = new Set<Node>();
    const add = (finding: BranchingFinding): void => {
      if (seen.has(finding.at)) return;
      seen.add(finding.at);
      found.push(finding);
    };
    // A test used directly as an option's value: `tls: process.env.NODE_ENV === 'production'`.
    for (const { site, path, branch, at } of this.directTests()) {
      if (!isTestRunnerGuard(branch.comparedWith)) add({ kind: 'direct', branch, site, path, at });
    }
    // `ssl: getEnv({ ca }, false)`: a project helper that returns one argument or the other by
    // environment name (the evaluator read it from its module); reported at the call.
    for (const [node, fed] of this.conditionals) {
      if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || !serviceConfigDiffers(fed.site.entry, fed.path, fed.branches, shapeText)) continue;
      const branch: EnvironmentBranch = { construct: node, test: node.callee, kind: 'environment', branches: fed.branches.map((value) => value.node), comparedWith: [] };
      add({ kind: 'config', branch, site: fed.site, path: fed.path, at: node.callee });
    }
    // Files without a client are asked only about the configuration modules they choose.
    for (const branch of this.sites.length > 0 ? this.branches : []) {
      // A client built in one path only: `if (!isProd) client = new Redis()`.
      const built = this.clientBuiltDifferently(branch);
      if (built) {
        if (!isTestRunnerGuard(branch.comparedWith)) add({ kind: 'buildsClient', branch, site: built, path: '', at: branch.test });
        continue;
      }
      // `knex(config[process.env.NODE_ENV])`, directly or through a variable.
      if (branch.construct.type === 'MemberExpression') {
        const picked = this.mapPick(branch);
        if (picked && serviceConfigDiffers(picked.site.entry, picked.path, picked.entries, shapeText)) add({ kind: 'map', branch, site: picked.site, path: picked.path, at: picked.at ?? branch.test });
        continue;
      }
      // A conditional that ends up in a client's options: `ssl: isProd ? { ca } : false`.
      const fed = this.conditionals.get(branch.construct);
      if (fed && serviceConfigDiffers(fed.site.entry, fed.path, this.compared(fed.branches), shapeText)) {
        add({ kind: 'config', branch, site: fed.site, path: fed.path, at: branch.test });
        continue;
      }
      // `const config = isProd ? productionConfig : localConfig`: a choice between whole configurations.
      const chosen = this.configurationChosen(branch);
      if (chosen) {
        if (!isTestRunnerGuard(branch.comparedWith)) add({ kind: 'config', branch, site: chosen, path: '', at: branch.test });
        continue;
      }
      // A helper that returns one configuration in production and another elsewhere.
      const returned = this.returnFeedingClient(branch);
      if (returned && serviceConfigDiffers(returned.site.entry, returned.path, returned.branches, shapeText)) {
        add({ kind: 'config', branch, site: returned.site, path: returned.path, at: branch.test });
        continue;
      }
      // `if (isProd) options.ssl = { ca }` / `switch (env) { case 'production': url = ... }`
      const hit = this.assignmentFeedingClient(branch);
      if (hit) {
        add({ kind: 'config', branch, site: hit.site, path: hit.path, at: branch.test });
        continue;
      }
      // `if (isProd) module.exports = {...}; else module.exports = {...}`
      const exported = this.configurationExportedDifferently(branch);
      if (exported && !isTestRunnerGuard(branch.comparedWith)) add({ kind: 'config', branch, site: exported, path: '', at: branch.test });
    }
    // `module.exports = isProd ? require('./prod') : require('./dev')`: the configuration is in those modules.
    for (const { branch, entry } of this.chosenModules()) {
      if (isTestRunnerGuard(branch.comparedWith)) continue;
      const site: ClientSite = { entry, origin: 'module', node: branch.construct, args: [], options: { kind: 'object', props: [], open: true, node: branch.construct } };
      add({ kind: 'config', branch, site, path: '', at: branch.test });
    }
    return found;
  }

  /**
   * A top-level `if` whose paths export different configuration (a config module that exports
   * one object in production and another elsewhere), or configuration from one path only.
   */
  private configurationExportedDifferently(branch: EnvironmentBranch): ClientSite | undefined {
    if (branch.construct.type !== 'IfStatement' || branch.construct.parent?.type !== 'Program') return undefined;
    const inside = this.sites.filter((site) => site.origin !== 'call' && branch.branches.some((b) => containsNode(b, site.node)));
    if (inside.length === 0) return undefined;
    if (branch.branches.length < 2) return inside[0];
    const signatures = branch.branches.map((b) => clientSignature(inside.filter((site) => containsNode(b, site.node)), unknownKey));
    return new Set(signatures).size > 1 ? inside[0] : undefined;
  }

  /**
   * A conditional whose arms are configuration objects that connect differently (`isProd ?
   * productionConfig : localConfig`). Two objects with the same settings are no choice yet, as
   * for the paths of an `if` and the entries of a per-environment map.
   */
  private configurationChosen(branch: EnvironmentBranch): ClientSite | undefined {
    if (branch.construct.type !== 'ConditionalExpression') return undefined;
    const objects = branch.branches.map((arm) => this.evaluator.evaluate(arm)).map((value) => (value.kind === 'object' ? value.node : undefined));
    if (objects.some((node) => node === undefined)) return undefined;
    const held = objects.map((node) => this.sites.filter((site) => site.origin !== 'call' && containsNode(node!, site.node)));
    if (held.some((sites) => sites.length === 0)) return undefined;
    return new Set(held.map((sites) => clientSignature(sites, unknownKey))).size > 1 ? held[0]![0] : undefined;
  }

  /**
   * A client built in some paths of the construct but not in others, or built differently
   * (another library, other arguments). Paths that build the same client the same way (the
   * Next.js pattern that caches one client on `global` in development) are not a difference.
   */
  clientBuiltDifferently(branch: EnvironmentBranch): ClientSite | undefined {
    const inside = this.constructions.filter((site) => branch.branches.some((b) => containsNode(b, site.node)) && !containsNode(branch.test, site.node));
    if (inside.length === 0) return undefined;
    // `test && new X()` and `if` without `else`: one path builds, the other does not.
    if (branch.branches.length < 2 && branch.construct.type !== 'SwitchStatement') return inside[0];
    const signatures = branch.construct.type === 'SwitchStatement'
      ? switchCaseSignatures(branch.construct, inside)
      : branch.branches.map((b) => clientSignature(inside.filter((site) => containsNode(b, site.node)), unknownKey));
    return new Set(signatures).size > 1 ? inside[0] : undefined;
  }

  /**
   * `knex(config[process.env.NODE_ENV])`, directly or through a `const`: the client option the
   * picked entry reaches and the map's compared entries.
   */
  mapPick(branch: EnvironmentBranch): (OptionSlot & { entries: Value<Node>[]; at?: Node }) | undefined {
    const member = branch.construct;
    if (member.type !== 'MemberExpression') return undefined;
    const target = this.opaque.get(member) ?? this.opaqueThroughVariable(member);
    if (!target) return undefined;
    const map = this.evaluator.evaluate(member.object);
    const entries = perEnvironmentEntries(map);
    // Where the map's entries differ is the line to change, when the map is written here.
    const differing = differingEnvironmentEntry(map, unknownKey, { picked: true });
    return entries && { ...target, entries, ...(differing ? { at: differing.node } : {}) };
  }

  /** `const config = configs[env]; knex(config)`: the declarator's identifier used in a client's options. */
  private opaqueThroughVariable(member: Node): OptionSlot | undefined {
    const parent = member.parent;
    if (parent?.type !== 'VariableDeclarator' || parent.init !== member || parent.id.type !== 'Identifier' || parent.parent.kind !== 'const') return undefined;
    const variable = findVariable(this.sourceCode.getScope(parent.id), parent.id);
    if (!variable) return undefined;
    for (const reference of variable.references) {
      const hit = this.opaque.get(reference.identifier as Node);
      if (hit) return hit;
    }
    // The evaluator follows `const` names, so the member itself is what reaches the options.
    return this.opaque.get(member);
  }

  /**
   * `function connection() { if (process.env.NODE_ENV === 'production') return url; return
   * { host: 'localhost' }; }` whose result is a client's option: the returns of the function
   * around the `if` are the choice, at the option they reach.
   */
  returnFeedingClient(branch: EnvironmentBranch): (OptionSlot & { branches: Value<Node>[] }) | undefined {
    if (branch.construct.type !== 'IfStatement' || !branch.branches.some(returns)) return undefined;
    for (let node: Node | undefined = branch.construct.parent; node; node = node.parent) {
      if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration') return this.conditionals.get(node);
    }
    return undefined;
  }

  /**
   * `if (isProd) options.ssl = { ca }` / `switch (env) { case 'production': url = ... }`:
   * an assignment inside the branches of an `if`/`switch` to a variable a client's options read,
   * at a path that is service configuration.
   */
  assignmentFeedingClient(branch: EnvironmentBranch): OptionSlot | undefined {
    if (branch.construct.type !== 'IfStatement' && branch.construct.type !== 'SwitchStatement') return undefined;
    const sourceCode = this.sourceCode;
    for (const assignment of assignmentsIn(branch.branches, sourceCode)) {
      const { root, path } = assignmentTarget(assignment.left);
      if (!root) continue;
      const variable = findVariable(sourceCode.getScope(root), root);
      if (!variable) continue;
      // `let options: Options = {...}; if (isProd) options.driverOptions = {...}`: the variable
      // holds configuration found by its type or shape, wherever it goes after.
      const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
      const init = def?.type === 'Variable' && def.node.init ? unwrap(def.node.init) : undefined;
      const held = init && path !== '' ? this.sites.find((site) => site.origin !== 'call' && unwrap(site.node) === init) : undefined;
      if (held && touchesServiceConfig(held.entry, path, [this.evaluator.evaluate(assignment.right)])) return { site: held, path };
      for (const reference of variable.references) {
        if (reference.isWrite()) continue;
        const id = reference.identifier as Node;
        const direct = this.opaque.get(id);
        if (direct) {
          const fullPath = [direct.path, path].filter((p) => p !== '').join('.');
          if (touchesServiceConfig(direct.site.entry, fullPath, [this.evaluator.evaluate(assignment.right)])) return { site: direct.site, path: fullPath };
          continue;
        }
        // `let flags = ''; if (isProd) flags = '?sslmode=no-verify'; ... connectionString: `${url}${flags}``:
        // the evaluator took the written value, so find the option whose text names the variable.
        if (path === '') {
          const held = this.optionNaming(id);
          if (held && touchesServiceConfig(held.site.entry, held.path, [this.evaluator.evaluate(assignment.right)])) return held;
          continue;
        }
        // `const options = { max: 5 }; if (isProd) options.ssl = {...}; new Pool(options)`: the
        // evaluator saw the object literal, so find the client whose arguments name the variable.
        const site = this.constructions.find((s) => callArguments(s).some((arg) => containsNode(arg, id)));
        if (site) {
          const argPath = pathInArguments(site, id);
          if (argPath === undefined) continue;
          const fullPath = [argPath, path].filter((p) => p !== '').join('.');
          if (touchesServiceConfig(site.entry, fullPath, [this.evaluator.evaluate(assignment.right)])) return { site, path: fullPath };
        }
      }
    }
    return undefined;
  }

  /** The innermost option of some client whose written property holds `id` (`{ ssl }`, `url: `${base}${flags}``). */
  private optionNaming(id: Node): OptionSlot | undefined {
    let best: (OptionSlot & { node: Node }) | undefined;
    const visit = (site: ClientSite, object: Value<Node>, prefix: string, depth: number): void => {
      if (object.kind !== 'object' || depth > 6) return;
      for (const prop of object.props) {
        if (!containsNode(prop.node, id)) continue;
        const path = prefix === '' ? prop.key : `${prefix}.${prop.key}`;
        if (!best || containsNode(best.node, prop.node)) best = { site, path, node: prop.node };
        visit(site, prop.value, path, depth + 1);
      }
    };
    for (const site of this.sites) visit(site, site.options, '', 0);
    return best && { site: best.site, path: best.path };
  }

  /** Per map of options recognised by shape or type and keyed by environment name, the entry that connects differently. */
  private recognisedMapEntries(): Array<DifferingEntry<Node>> {
    const maps = new Map<Node, Array<{ name: string; node: Node; connection: string; client: string; envVar: string }>>();
    for (const site of this.sites) {
      // Knexfiles and sequelize-cli configs are judged as exported maps, by their own keys.
      const property = site.origin === 'shape' || site.origin === 'typed' ? site.node.parent : undefined;
      if (property?.type !== 'Property' || property.value !== site.node || property.parent.type !== 'ObjectExpression') continue;
      const name = staticKeyName(property);
      if (name === undefined || environmentKind(name) === undefined) continue;
      const entries = maps.get(property.parent) ?? [];
      // Variants of one site share its node: the first stands for them.
      if (!entries.some((e) => e.node === property)) entries.push({ name, node: property, connection: `${site.entry.id}:${clientConnectionShape(site.entry, site.options, anyUnknown)}`, client: site.entry.displayName, envVar: site.entry.envVar });
      maps.set(property.parent, entries);
    }
    return [...maps.values()].flatMap((entries) => {
      const other = differingEntry(entries);
      if (!other) return [];
      const { client, envVar } = entries.find((e) => e.node === other.node)!;
      const ordered = entries.map((e) => e.node).sort((a, b) => a.range[0] - b.range[0]);
      return [{ ...other, client, envVar, first: ordered[0]!, last: ordered[ordered.length - 1]! }];
    });
  }

  /**
   * `module.exports = { development: { client, connection }, production: { ... } }` (a knexfile,
   * a sequelize-cli config): for each exported per-environment map, the entry that connects
   * differently from the others.
   */
  differingEnvironmentEntries(): Array<DifferingEntry<Node>> {
    const found: Array<DifferingEntry<Node>> = [];
    if (this.keyedByTool || this.mayExportMap()) {
      for (const value of this.exported()) {
        const entry = differingEnvironmentEntry(value, unknownKey, { anyKeys: this.keyedByTool });
        if (entry) found.push(entry);
      }
    }
    // `export const kafka = { development: { brokers: [...] }, production: { ... } }`: a map
    // whose entries the analysis recognised as one library's options (by shape or type).
    for (const entry of this.recognisedMapEntries()) if (!found.some((f) => f.node === entry.node)) found.push(entry);
    // `{ ...perEnvironment[process.env.NODE_ENV], ...base }`: a map picked by the environment
    // name in a file that configures a client, whose entries hold only the connection.
    if (this.sites.length > 0) {
      for (const branch of this.branches) {
        // A pick that reaches a client's options is reported as the pick (`mapPick`).
        if (branch.construct.type !== 'MemberExpression' || this.mapPick(branch)) continue;
        const entry = differingEnvironmentEntry(this.evaluator.evaluate(branch.construct.object), unknownKey, { picked: true });
        if (entry && !found.some((f) => f.node === entry.node)) found.push(entry);
      }
    }
    return found;
  }
}

/**
 * Whether the file can export a per-environment map: a top-level `module.exports =` or `export
 * default` value, and the words such a map holds. The statements first: a text search costs
 * more, and most files export no value.
 */
export function mayExportEnvironmentMap(sourceCode: TSESLint.SourceCode): boolean {
  return sourceCode.ast.body.some((statement) => exportedExpression(statement) !== undefined) && mayHoldEnvironmentEntries(sourceCode.text);
}

function switchCaseSignatures(statement: TSESTree.SwitchStatement, inside: readonly ClientSite[]): string[] {
  const signatures = statement.cases.map((c) => clientSignature(inside.filter((site) => c.consequent.some((s) => containsNode(s, site.node))), unknownKey));
  // Without a `default`, a value matching no case builds nothing.
  if (!statement.cases.some((c) => c.test === null)) signatures.push(clientSignature([], unknownKey));
  // Fall-through cases with an empty body share the next case's client.
  return signatures.filter((sig, i) => statement.cases[i]?.consequent.length !== 0 || sig !== '[]');
}

/** Whether a branch of an `if` returns (directly, or as its last statement). */
function returns(node: Node): boolean {
  if (node.type === 'ReturnStatement') return true;
  return node.type === 'BlockStatement' && node.body.some((statement) => statement.type === 'ReturnStatement' || (statement.type === 'IfStatement' && returns(statement.consequent)));
}

/** A value several values stand for, written as a name (`ssl`) or a pick (`configs[env]`). */
function isNamedChoice(node: Node): boolean {
  return node.type === 'Identifier' || (node.type === 'MemberExpression' && node.computed);
}

/** The argument nodes of a site's call (none for a configuration object). */
function callArguments(site: ClientSite): Node[] {
  const node = site.node;
  return node.type === 'CallExpression' || node.type === 'NewExpression' ? (node.arguments as Node[]) : [];
}


/** The option path at which an identifier sits in a client's arguments (`{ ssl }` → `ssl`). */
function pathInArguments(site: ClientSite, id: Node): string | undefined {
  const keys: string[] = [];
  let current: Node = id;
  const args = callArguments(site);
  while (!args.includes(current)) {
    const parent: Node | undefined = current.parent;
    if (!parent) return undefined;
    if (parent.type === 'Property' && parent.value === current && !parent.computed) {
      const key = parent.key.type === 'Identifier' ? parent.key.name : parent.key.type === 'Literal' ? String(parent.key.value) : undefined;
      if (key === undefined) return undefined;
      keys.unshift(key);
      current = parent.parent;
    } else if (parent.type === 'SpreadElement' || parent.type === 'ObjectExpression') {
      current = parent;
    } else if (unwrap(parent) !== parent || parent.type === 'TSAsExpression' || parent.type === 'TSSatisfiesExpression' || parent.type === 'TSNonNullExpression') {
      current = parent;
    } else return undefined;
  }
  return keys.join('.');
}

function assignmentTarget(left: Node): { root?: TSESTree.Identifier; path: string } {
  const keys: string[] = [];
  let current = unwrap(left);
  while (current.type === 'MemberExpression') {
    const name = staticPropertyName(current);
    if (name === undefined) return { path: '' };
    keys.unshift(name);
    current = unwrap(current.object);
  }
  return current.type === 'Identifier' ? { root: current, path: keys.join('.') } : { path: '' };
}

/** Assignment expressions inside the given statements, not inside nested functions. */
function assignmentsIn(roots: readonly Node[], sourceCode: TSESLint.SourceCode): TSESTree.AssignmentExpression[] {
  const out: TSESTree.AssignmentExpression[] = [];
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack = [...roots];
  let budget = 5000;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop()!;
    if (node.type === 'AssignmentExpression' && node.operator === '=') out.push(node);
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') continue;
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === 'object' && 'type' in c) stack.push(c as Node);
      } else if (child && typeof child === 'object' && 'type' in child) stack.push(child as Node);
    }
  }
  return out;
}

/** The value of `module.exports = ...` or `export default ...` (not a declaration). */
export function exportedExpression(statement: TSESTree.ProgramStatement): Node | undefined {
  if (statement.type === 'ExportDefaultDeclaration') {
    return statement.declaration.type.endsWith('Declaration') ? undefined : (statement.declaration as Node);
  }
  if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
    const left = statement.expression.left;
    if (left.type === 'MemberExpression' && left.object.type === 'Identifier' && left.object.name === 'module' && staticPropertyName(left) === 'exports') {
      return statement.expression.right;
    }
  }
  return undefined;
}
