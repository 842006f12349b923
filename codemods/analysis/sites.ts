import { catalogModuleNames, entryForModule, factoryMatches } from '../../src/catalog';
import type { CatalogEntry, Factory } from '../../src/catalog/types';
import { normalizeArguments } from '../../src/policy/arguments';
import { moduleMentionPattern } from '../../src/policy/mentions';
import type { ObjectValue } from '../../src/policy/value';
import type { BNode, BPath } from './ast';
import { isMember, outerParent, staticPropertyName } from './ast';
import { BabelEvaluator, type BValue } from './evaluate';
import { trackModules } from './modules';
import { ScopeIndex } from './scope';

/** A client built in this file (the Babel twin of `ClientSite`). */
export interface BabelSite {
  entry: CatalogEntry;
  factory: Factory;
  node: BNode;
  args: BValue[];
  options: ObjectValue<BNode>;
}

/** An assignment into a catalog module (`pg.defaults.ssl = false`). */
export interface BabelModuleAssignment {
  entry: CatalogEntry;
  path: string;
  node: BNode;
}

/** A write to `process.env.NAME`. */
export interface BabelEnvWrite {
  name: string;
  value: BValue;
  /** The assignment expression. */
  node: BNode;
}

/** A quoted catalog module name: files without one cannot build a client. */
export const MODULE_MENTION = moduleMentionPattern(catalogModuleNames);

/** Everything the transforms ask about one parsed file, computed lazily. */
export class BabelAnalysis {
  readonly index: ScopeIndex;
  readonly evaluator: BabelEvaluator;
  private cachedSites: BabelSite[] | undefined;
  private cachedAssignments: BabelModuleAssignment[] = [];

  constructor(
    readonly file: BNode,
    readonly source: string,
  ) {
    this.index = new ScopeIndex(file);
    this.evaluator = new BabelEvaluator(this.index);
  }

  get program(): BNode {
    return (this.file.type === 'File' ? this.file.program : this.file) as BNode;
  }

  pathOf(node: BNode): BPath | undefined {
    return this.index.pathOf(node);
  }

  get sites(): BabelSite[] {
    return (this.cachedSites ??= this.resolveSites());
  }

  /** Assignments into catalog modules, such as `https.globalAgent.options.rejectUnauthorized = false`. */
  get assignments(): BabelModuleAssignment[] {
    void this.sites;
    return this.cachedAssignments;
  }

  private resolveSites(): BabelSite[] {
    const sites: BabelSite[] = [];
    if (!MODULE_MENTION.test(this.source)) return sites;
    for (const use of trackModules(this.program, this.index, (m) => entryForModule(m) !== undefined)) {
      const entry = entryForModule(use.module)!;
      if (use.kind === 'assign') {
        this.cachedAssignments.push({ entry, path: use.path, node: use.node });
        continue;
      }
      const factory = entry.factories.find((f) => (f.invoke === 'either' || f.invoke === use.kind) && factoryMatches(f.path, use.path));
      if (!factory) continue;
      const argNodes = use.node.arguments as BNode[];
      if (argNodes.some((arg) => arg.type === 'SpreadElement')) continue;
      const args = argNodes.map((arg) => this.evaluator.evaluate(arg));
      sites.push({ entry, factory, node: use.node, args, options: normalizeArguments(factory, args, use.node) });
    }
    return sites;
  }

  /** Writes to `process.env.NAME` with `=`. */
  get envWrites(): BabelEnvWrite[] {
    const writes: BabelEnvWrite[] = [];
    for (const reference of this.index.globalReferences('process')) {
      const { parent, child } = outerParent(reference);
      if (!parent || !isMember(parent.node) || parent.node.object !== child || staticPropertyName(parent.node) !== 'env') continue;
      const member = outerParent(parent);
      if (!member.parent || !isMember(member.parent.node) || member.parent.node.object !== member.child) continue;
      const name = staticPropertyName(member.parent.node);
      const assignment = outerParent(member.parent);
      const node = assignment.parent?.node as BNode | undefined;
      if (name !== undefined && node?.type === 'AssignmentExpression' && node.left === assignment.child && node.operator === '=') {
        writes.push({ name, value: this.evaluator.evaluate(node.right as BNode), node });
      }
    }
    return writes;
  }
}
