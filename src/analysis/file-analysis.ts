import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { catalog, catalogGlobalNames, catalogModuleNames, catalogParameterNames, entriesForEnvVar } from '../catalog';
import type { CatalogEntry, Factory } from '../catalog/types';
import { clientConnectionShape, isAttachedResource, isTestRunnerGuard } from '../policy/environment';
import { isServiceAuthModeEnvName, isServiceLocationEnvName, isServiceTlsEnvName, normalizeEnvName } from '../policy/env-names';
import { namesFileDatabase } from '../policy/location';
import { locationDefault, type EnvDefaultFinding } from '../policy/env-defaults';
import { mayHoldEnvironmentEntries } from '../policy/environment';
import { configurationTextTest } from '../policy/configuration-text';
import { entryForShape, entryNamedBy } from '../policy/shapes';
import { optionVariants, optionsFromAssignment, type ObjectValue, type Value } from '../policy/value';
import { findClientCredentialCalls, findCredentialHelperCalls, type CredentialHelperCall } from './credential-helpers';
import { ENV_MODULES, findEnvLibraries, NO_ENV_LIBRARIES, takesAdonisEnv, type EnvLibraries } from './env-libraries';
import { findEnvReads, importsEnvObject, type EnvRead } from './env-reads';
import { EnvironmentBranching, exportedExpression, mayExportEnvironmentMap, settingChoices, shapeText, type SettingChoice } from './environment-branching';
import { environmentTestOf, findEnvironmentBranches, mayTestEnvironment, type EnvironmentBranch } from './environment-tests';
import { resolveClientSites } from './client-sites';
import { configFileConvention, configFileSites, jsonConfigFileSites } from './config-files';
import { exportedConfigurations, exportedValues, mayBeConfiguration, type ExportedConfiguration, type ExportedValue } from './exports';
import { shapedConfigSites } from './shaped-configs';
import { TYPED_MODULES, typedConfigSites } from './typed-configs';
import { sitesThroughCallers } from './data-flow';
import { chainHead, containsNode, enclosingOptions, globalReferencesTo, parameterReferencesTo } from './ast';
import { Evaluator } from './evaluate';
import { findEnvWrites, processEnvNodes, type EnvWrite } from './process-env';
import { definitionReads, namedSettings, namedTlsSettings, serviceLocationKeys, serviceLocationValues, type NamedSetting } from './named-settings';
import { unsetBranchOf } from './presence';
import { onlyPrinted } from './printed';
import { findServiceUrls, startsWithServiceScheme, type ServiceUrlLiteral } from './service-urls';
import { isJsonDocument, jsonDocumentValue, jsonServiceUrls } from './json';
import { entryForSpecifier, mappedEntry, readSettings, type PluginSettings } from './settings';
import { inlineExportChoices, mayChooseModules, mayExportByEnvironment, moduleChoices } from './module-choice';
import { moduleFiles, type LanguageOptions, type ModuleFiles } from './module-files';
import { importedNames, importedSpecifiers, knownModules } from './imports';
import { choiceHelperOf, exportedFunction, importedFromRelative, type ChoiceHelper } from './choice-helpers';

type Node = TSESTree.Node;

/**
 * How a site's configuration was found: a call that builds a client (or registers one through a
 * framework wrapper), or an options object recognised with no client in sight: by its declared
 * type, by the tool's config-file convention, by a shape only that library's options have, a
 * service URL held by exported configuration (judged as that scheme's library's URL option), or
 * an object a catalog module is handed into as an option's value (`{ store: redisStore, host }`),
 * or configuration in another module of the project that this file chooses by environment
 * (`require('./prod')`; only in `no-environment-branching`'s findings, its node is the choice).
 */
export type SiteOrigin = 'call' | 'typed' | 'config-file' | 'shape' | 'url' | 'handed' | 'module';

/** Backing-service client configuration in this file, evaluated. */
export interface ClientSite {
  entry: CatalogEntry;
  origin: SiteOrigin;
  /** The catalog factory of a `'call'` site. */
  factory?: Factory;
  /**
   * A `'call'` site: the `new X(...)` or `x(...)` expression. Any other: the options object (or
   * the expression that evaluates to it), where reports about library defaults go.
   */
  node: Node;
  args: Value<Node>[];
  /** All arguments folded into one options object (see `normalizeArguments`). */
  options: ObjectValue<Node>;
  /**
   * The same-file call whose arguments this site's parameters were bound to, when the client is
   * built inside a helper (`function connect(cfg) { return new Pool(cfg) }; connect({...})`).
   */
  via?: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The arms of whole-argument `?:` choices this site's options were taken from (`knex(url ? prod : dev)`). */
  arms?: Node[];
}

/** What the analysis needs from a rule's context (an ESLint `RuleContext` is one). */
export interface AnalysisContext {
  readonly sourceCode: TSESLint.SourceCode;
  readonly filename: string;
  readonly cwd: string;
  readonly settings: Record<string, unknown>;
  /** The parser and options the file was linted with, to read the modules it chooses between. */
  readonly languageOptions?: LanguageOptions;
}

/** A choice by environment between project modules, one of which configures `entry`. */
export interface ChosenConfiguration {
  branch: EnvironmentBranch;
  entry: CatalogEntry;
}

/** An assignment to a path inside a catalog module (`https.globalAgent.options.x = ...`). */
export interface ModuleAssignment {
  entry: CatalogEntry;
  path: string;
  node: TSESTree.AssignmentExpression;
}

/** A write into a library's global defaults (`pg.defaults.ssl = false`), as the options it sets. */
export interface GlobalDefaultsWrite {
  assignment: ModuleAssignment;
  /** The catalog's defaults path (`defaults`, `globalAgent.options`). */
  prefix: string;
  /** The assigned value placed at its path below the defaults (`{ ssl: false }`). */
  options: ObjectValue<Node>;
}

/**
 * Everything the rules ask about one file, computed once and only when first asked, so a rule
 * that needs only `envWrites` never pays for client resolution.
 */
export class FileAnalysis {
  private evaluatorOfFile: Evaluator | undefined;
  private globalsOfFile: Map<string, TSESTree.Identifier[]> | undefined;
  private globalModuleUses: Array<{ identifier: TSESTree.Identifier; module: string }> | undefined;
  private configurationText: boolean | undefined;
  private specifiers: string[] | undefined;
  private imported: ReadonlySet<string> | undefined;
  private catalogNamed: boolean | undefined;
  private environmentMapExported: boolean | undefined;
  private envObjects: Array<TSESTree.MemberExpression | TSESTree.Identifier> | undefined;
  private libraries: EnvLibraries | undefined;
  private resolved: { sites: ClientSite[]; assignments: ModuleAssignment[] } | undefined;
  private writes: EnvWrite[] | undefined;
  private reads: EnvRead[] | undefined;
  private serverReads: EnvRead[] | undefined;
  private exportsOfFile: readonly ExportedValue[] | undefined;
  private configurationsOfFile: readonly ExportedConfiguration[] | undefined;
  private branches: EnvironmentBranch[] | undefined;
  private branching: EnvironmentBranching | undefined;
  private defaultsWrites: GlobalDefaultsWrite[] | undefined;
  private helperCalls: CredentialHelperCall[] | undefined;
  private urls: ServiceUrlLiteral[] | undefined;
  private configurationPossible: boolean | undefined;
  private readonly unsetBranches = new Map<Node, string | null>();
  private settingsOfFile: NamedSetting[] | undefined;
  private tlsSettingsOfFile: NamedSetting[] | undefined;
  private tlsChoices: SettingChoice[] | undefined;
  private locationsWritten: Array<{ write: EnvWrite; finding: EnvDefaultFinding<Node> }> | undefined;
  private exportsConfiguration: boolean | undefined;
  private moduleChoicePossible: boolean | undefined;
  private modulesChosen: ChosenConfiguration[] | undefined;
  private moduleFilesOfFile: ModuleFiles | undefined;
  private importsEnvObject: boolean | undefined;
  private envModuleNamed: boolean | undefined;

  private readonly sourceCode: TSESLint.SourceCode;
  private pluginSettings: PluginSettings | undefined;
  /** A JSON document (ESLint's JSON language), not a program: only its value is judged. */
  readonly isJson: boolean;
  private documentValue: Value<Node> | undefined;

  constructor(private readonly context: AnalysisContext) {
    this.sourceCode = context.sourceCode;
    this.isJson = isJsonDocument(context.sourceCode.ast);
  }

  /** The JSON document as a value (undefined for a program). */
  private get document(): Value<Node> | undefined {
    return this.isJson ? (this.documentValue ??= jsonDocumentValue(this.sourceCode.ast)) : undefined;
  }

  /** `settings['backing-services']`, validated (a `SettingsError` names the mistake). */
  get settings(): PluginSettings {
    return (this.pluginSettings ??= readSettings(this.context.settings, this.context.cwd));
  }

  /** The catalog entry an import specifier of this file resolves to, mapped modules first. */
  entryFor(specifier: string): CatalogEntry | undefined {
    return entryForSpecifier(this.settings, specifier, this.context.filename, this.context.cwd);
  }

  // Built on first use: most files pass no rule's gate and never evaluate anything.
  get evaluator(): Evaluator {
    return (this.evaluatorOfFile ??= new Evaluator(
      (node) => this.sourceCode.getScope(node),
      () => this.envLibraries,
      (callee) => this.choiceHelperFor(callee),
    ));
  }

  /**
   * The references to the globals `require` and `process`, and to the catalog's global module
   * names (`nodemailer`), found in one pass for imports, env reads and undeclared modules.
   */
  private get globals(): Map<string, TSESTree.Identifier[]> {
    return (this.globalsOfFile ??= globalReferencesTo(this.sourceCode, GLOBAL_NAMES));
  }

  /**
   * References to an undeclared global the catalog names as a module, and reads of a parameter
   * the catalog names so (`(mongoose) => mongoose.connect(url)`), each with that module.
   */
  private get globalModules(): Array<{ identifier: TSESTree.Identifier; module: string }> {
    if (this.globalModuleUses) return this.globalModuleUses;
    const uses: Array<{ identifier: TSESTree.Identifier; module: string }> = [];
    if (!this.isJson) {
      for (const [name, module] of catalogGlobalNames) for (const identifier of this.globals.get(name)!) uses.push({ identifier, module });
      // A module handed in is used with configuration in the text (`mongoose.connect('mongodb://...')`).
      if (this.holdsConfigurationText) {
        for (const { name, identifier } of parameterReferencesTo(this.sourceCode, PARAMETER_NAMES)) uses.push({ identifier, module: catalogParameterNames.get(name)! });
      }
    }
    return (this.globalModuleUses = uses);
  }

  /** The module specifiers the file imports (see `importedSpecifiers`). */
  private get importSpecifiers(): string[] {
    return (this.specifiers ??= this.isJson ? [] : importedSpecifiers(this.sourceCode, this.globals.get('require')!));
  }

  /** Catalog, option-type and configuration-library modules the file imports (`pg`, `envalid`). */
  get importedModules(): ReadonlySet<string> {
    if (this.imported) return this.imported;
    const names = importedNames(this.importSpecifiers, KNOWN_MODULES);
    for (const use of this.globalModules) names.add(use.module);
    return (this.imported = names);
  }

  /** Whether the file imports a module the settings map to a catalog library. */
  private get importsMappedModule(): boolean {
    const settings = this.settings;
    if (settings.packages.size === 0 && settings.files.size === 0) return false;
    return this.importSpecifiers.some((specifier) => mappedEntry(settings, specifier, this.context.filename, this.context.cwd) !== undefined);
  }

  /** What the file imports from env-var, envalid, @nestjs/config and convict. */
  get envLibraries(): EnvLibraries {
    return (this.libraries ??= this.namesEnvModule ? findEnvLibraries(this.sourceCode) : NO_ENV_LIBRARIES);
  }

  private get namesEnvModule(): boolean {
    return (this.envModuleNamed ??= ENV_MODULES.some((m) => this.importedModules.has(m)) || (!this.isJson && takesAdonisEnv(this.sourceCode.text)));
  }

  /**
   * Whether `envReads` can find anything: the file reads `process.env` or imports a
   * configuration library. Rules that judge only env reads return no listeners otherwise.
   */
  get mayReadEnvironment(): boolean {
    return this.processEnv.length > 0 || this.namesEnvModule || (this.importsEnvObject ??= !this.isJson && importsEnvObject(this.sourceCode));
  }

  /** The global `process.env` member expressions, found once for both env reads and env writes. */
  private get processEnv(): Array<TSESTree.MemberExpression | TSESTree.Identifier> {
    return (this.envObjects ??= this.isJson ? [] : processEnvNodes(this.sourceCode, this.globals.get('process')!));
  }

  /** Whether the file can export a per-environment map (see `mayExportEnvironmentMap`). */
  get mayExportEnvironmentMap(): boolean {
    return (this.environmentMapExported ??= this.isJson ? this.document?.kind === 'object' && mayHoldEnvironmentEntries(this.sourceCode.text) : mayExportEnvironmentMap(this.sourceCode));
  }

  /**
   * Whether the file imports a catalog module (or one the settings map to one). Without one it
   * has no client, no assignment into a catalog module and no credential-helper call, so rules
   * that judge only those return no listeners at all.
   */
  get namesCatalogModule(): boolean {
    if (this.catalogNamed === undefined) {
      let named = false;
      for (const m of this.importedModules) named ||= CATALOG_NAMES.has(m) || TYPED.has(m);
      this.catalogNamed = named || this.importsMappedModule;
    }
    return this.catalogNamed;
  }

  get sites(): ClientSite[] {
    return this.clients().sites;
  }

  /**
   * The calls that construct a client in this file, once each: `sites` without configuration
   * objects, helper instantiations and the extra branches of one call.
   */
  get constructions(): ClientSite[] {
    const seen = new Set<Node>();
    return this.sites.filter((site) => site.origin === 'call' && !site.via && !seen.has(site.node) && seen.add(site.node));
  }

  get assignments(): ModuleAssignment[] {
    return this.clients().assignments;
  }

  private clients(): { sites: ClientSite[]; assignments: ModuleAssignment[] } {
    return (this.resolved ??= this.mayHoldConfiguration ? this.resolveClients() : { sites: [], assignments: [] });
  }

  private resolveClients(): { sites: ClientSite[]; assignments: ModuleAssignment[] } {
    if (this.isJson) return { sites: withVariants(jsonConfigFileSites(this.document, this.context.filename)), assignments: [] };
    const found = this.namesCatalogModule ? resolveClientSites(this.sourceCode, this.evaluator, (m) => this.entryFor(m), this.globalModules) : { sites: [], assignments: [] };
    found.sites.push(...sitesThroughCallers(found.sites, this.evaluator, this.sourceCode));
    if (this.namesTypedModule) found.sites.push(...typedConfigSites(this.sourceCode, this.evaluator, (m) => (TYPED.has(m) ? m : this.entryFor(m)?.modules[0])));
    found.sites.push(...configFileSites(() => this.exportedConfigurations, this.context.filename));
    // An object already judged as a client's options or a typed or config-file object is not judged again by its shape.
    const judged = new Set(found.sites.flatMap((site) => site.args.map((arg) => arg.node)));
    if (this.mayExportConfiguration) {
      const byEnvironment = (test: Node): boolean => environmentTestOf(this.sourceCode, test)?.kind === 'environment';
      found.sites.push(...shapedConfigSites(this.exportedConfigurations, this.context.filename, judged, byEnvironment));
    }
    return { sites: withVariants(found.sites), assignments: found.assignments };
  }

  private get namesTypedModule(): boolean {
    return [...this.importedModules].some((m) => TYPED.has(m)) || this.importsMappedModule;
  }

  /**
   * Whether the file can hold client configuration at all: it imports a catalog module, follows
   * a tool's config-file convention, or exports a value next to words an option shape needs.
   * Rules that judge configuration return no listeners otherwise.
   */
  get mayHoldConfiguration(): boolean {
    return (this.configurationPossible ??= this.namesCatalogModule || configFileConvention(this.context.filename) !== undefined || this.mayExportConfiguration);
  }

  private get mayExportConfiguration(): boolean {
    // The text first: it fails on most files, and reading their exports costs more.
    return (this.exportsConfiguration ??= this.holdsConfigurationText && this.exports.length > 0);
  }

  /** Whether the text may hold configuration (`configurationTextTest`), tested once. */
  private get holdsConfigurationText(): boolean {
    return (this.configurationText ??= !this.isJson && mayHoldConfigurationText(this.sourceCode.text));
  }

  /** The module's exports that may hold configuration (`mayBeConfiguration`), found once. */
  private get exports(): readonly ExportedValue[] {
    return (this.exportsOfFile ??= exportedValues(this.sourceCode).filter((exported) => mayBeConfiguration(exported, this.sourceCode)));
  }

  /**
   * What each export configures, evaluated once for the config-file, shape and settings readers.
   * An export written over more than `MAX_CONFIGURATION_TEXT` characters is a data table (a
   * command list, a generated map), not configuration, and is not evaluated.
   */
  private get exportedConfigurations(): readonly ExportedConfiguration[] {
    const small = this.exports.filter(({ node }) => node.range[1] - node.range[0] <= MAX_CONFIGURATION_TEXT);
    return (this.configurationsOfFile ??= exportedConfigurations(small, this.evaluator, this.sourceCode));
  }

  /**
   * For a client built, or configuration exported, only while a location variable is unset
   * (`process.env.DATABASE_URL ? new Sequelize(url) : new Sequelize('postgres://localhost/dev')`,
   * `if (!process.env.MONGO_URL) module.exports = { mongoURI: 'mongodb://localhost/app' }`):
   * that variable. Its loopback location is a local fallback, not a hard-coded location.
   */
  fallbackVariable(site: ClientSite): string | undefined {
    // `knex(process.env.DATABASE_URL ? prod : dev)`: the `dev` arm's site is built only while it is unset.
    return this.fallbackVariableAt(site.node) ?? site.arms?.map((arm) => this.fallbackVariableAt(arm)).find((name) => name !== undefined);
  }

  /** The same for any node of such configuration (a setting's value). */
  fallbackVariableAt(node: TSESTree.Node): string | undefined {
    let found = this.unsetBranches.get(node);
    if (found === undefined) {
      const branch = unsetBranchOf(node, this.evaluator);
      found = branch && (isServiceLocationEnvName(branch.name) || branch.otherPathReads) ? branch.name : null;
      this.unsetBranches.set(node, found);
    }
    return found ?? undefined;
  }

  /** The `assignments` into a library's global defaults, each as an options object. */
  get globalDefaultsWrites(): GlobalDefaultsWrite[] {
    return (this.defaultsWrites ??= this.assignments.flatMap((assignment) => {
      const prefix = assignment.entry.globalDefaults;
      if (!prefix || !assignment.path.startsWith(`${prefix}.`)) return [];
      const value = this.evaluator.evaluate(assignment.node.right);
      return [{ assignment, prefix, options: optionsFromAssignment(assignment.path.slice(prefix.length + 1), value, assignment.node as Node) }];
    }));
  }

  /** Literal settings of exported configuration named for a service (`redis_host`, `mail: { pass }`). */
  get namedSettings(): NamedSetting[] {
    if (this.settingsOfFile) return this.settingsOfFile;
    if (!this.mayExportConfiguration) return (this.settingsOfFile = []);
    return (this.settingsOfFile = namedSettings(this.exportedConfigurations));
  }

  /**
   * TLS settings of exported configuration named for a service (`DB_SSL`), for another module's
   * client; not those inside options judged as a client's here (the sites report those).
   */
  get namedTlsSettings(): NamedSetting[] {
    if (this.tlsSettingsOfFile) return this.tlsSettingsOfFile;
    if (!this.mayExportConfiguration) return (this.tlsSettingsOfFile = []);
    const judged = this.sites.flatMap((site) => site.args.map((arg) => arg.node));
    return (this.tlsSettingsOfFile = namedTlsSettings(this.exportedConfigurations).filter(({ value }) => !judged.some((node) => containsNode(node, value.node))));
  }

  /**
   * Those of `namedTlsSettings`, and the env reads of option definitions for a service's TLS or
   * way of logging in (`DB_SSL`, `DB_IAM_AUTHENTICATION`), chosen by environment (see `settingChoices`).
   */
  get tlsSettingChoices(): SettingChoice[] {
    if (this.tlsChoices) return this.tlsChoices;
    // Option definitions come from a configuration library, exported configuration or a helper
    // handed a read (`toBool(process.env.DB_SSL, isProd)`); no other file needs its reads.
    const definitions =
      this.namesEnvModule || this.mayExportConfiguration || (!this.isJson && mayTestEnvironment(this.sourceCode.text))
        ? this.envReads.filter((read) => isServiceTlsEnvName(read.name) || isServiceAuthModeEnvName(read.name))
        : [];
    return (this.tlsChoices = settingChoices(this.sourceCode, this.namedTlsSettings, definitions));
  }

  /** Writes to `process.env` (`NODE_TLS_REJECT_UNAUTHORIZED = '0'`). */
  get envWrites(): EnvWrite[] {
    return (this.writes ??= findEnvWrites(this.processEnv, this.evaluator));
  }

  /**
   * Literal service locations written into `process.env` (`process.env.MONGODB_URI =
   * 'mongodb://localhost/test'`): a location in code, handed to whatever reads the variable.
   */
  get locationWrites(): Array<{ write: EnvWrite; finding: EnvDefaultFinding<Node> }> {
    return (this.locationsWritten ??= this.envWrites.flatMap((write) => {
      const finding = write.node.type === 'AssignmentExpression' ? locationDefault(write.name, write.value, { setting: true }) : undefined;
      return finding ? [{ write, finding }] : [];
    }));
  }

  /**
   * The environment branches (`if (env === 'development')`) whose paths write such a location,
   * each with the first write it chooses; not those that tell only the test runner apart.
   */
  get locationWriteBranches(): Array<{ branch: EnvironmentBranch; write: EnvWrite }> {
    if (this.locationWrites.length === 0) return [];
    const chosen = this.environmentBranches.flatMap((branch) => {
      if (branch.construct.type !== 'IfStatement') return [];
      const write = this.locationWrites.find(({ write }) => branch.branches.some((path) => containsNode(path, write.node)))?.write;
      return write ? [{ branch, write }] : [];
    });
    // A test-runner guard alone is a test set-up; in an `if / else if` chain that also writes
    // for another environment it is one arm of a per-environment choice.
    const chains = new Set(chosen.filter(({ branch }) => !isTestRunnerGuard(branch.comparedWith)).map(({ branch }) => chainHead(branch.construct as TSESTree.IfStatement)));
    return chosen.filter(({ branch }) => !isTestRunnerGuard(branch.comparedWith) || chains.has(chainHead(branch.construct as TSESTree.IfStatement)));
  }

  /** Every statically named environment read, with its fallback (`process.env.X || 'l'`). */
  get envReads(): EnvRead[] {
    return (this.reads ??= this.isJson
      ? []
      : [...findEnvReads(this.sourceCode, this.processEnv, this.evaluator, this.envLibraries), ...(this.mayExportConfiguration ? definitionReads(this.exportedConfigurations) : [])]);
  }

  /**
   * The environment reads whose value may reach a server: not those beside a file-backed driver,
   * nor those only printed (`onlyPrinted`). Where a service is and who logs in mean nothing
   * there; a secret written down still leaks.
   */
  get serverEnvReads(): EnvRead[] {
    return (this.serverReads ??= this.envReads.filter((read) => !this.inFileDatabaseOptions(read.node) && !onlyPrinted(read.node, this.sourceCode)));
  }

  /**
   * Whether `node` is an option beside a file-backed driver (`{ client: 'sqlite', host: env('DATABASE_HOST', 'localhost') }`):
   * no server receives it, so its name says nothing.
   */
  private inFileDatabaseOptions(node: TSESTree.Node): boolean {
    const options = enclosingOptions(node);
    if (!options) return false;
    return options.properties.some((property) => {
      if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') return false;
      const value = this.evaluator.evaluate(property.value);
      const driver = value.kind === 'env' ? value.fallback : value;
      return driver?.kind === 'literal' && namesFileDatabase(property.key.name, driver.value);
    });
  }

  /** Conditionals whose test reads the environment name or locality (`isProd ? a : b`). */
  get environmentBranches(): EnvironmentBranch[] {
    return (this.branches ??= this.isJson ? [] : findEnvironmentBranches(this.sourceCode));
  }

  /** Whether the top-level statements can choose between relative modules (see `mayChooseModules`). */
  get mayChooseModules(): boolean {
    return (this.moduleChoicePossible ??= !this.isJson && (mayChooseModules(this.sourceCode.ast, this.importSpecifiers) || mayExportByEnvironment(this.sourceCode.ast)));
  }

  /**
   * Choices by environment between modules of the project that hold backing-service
   * configuration (`module.exports = isProd ? require('./prod') : require('./dev')`): each with
   * the first library those modules configure. The modules are read only for a choice found here.
   */
  get chosenConfigurations(): ChosenConfiguration[] {
    if (this.modulesChosen) return this.modulesChosen;
    if (!this.mayChooseModules) return (this.modulesChosen = []);
    const files = this.projectModules;
    const modules = moduleChoices(this.sourceCode).flatMap(({ branch, modules }) => {
      const chosen = modules.map(({ specifier }) => ({ specifier, file: files.resolve(specifier) }));
      // `./prod` and `./prod.js` are one module; one that is not there (a `.gitignore`d dev.js) is another.
      if (new Set(chosen.map(({ file, specifier }) => file ?? `?${specifier}`)).size < 2) return [];
      const entry = chosen.flatMap(({ file }) => (file ? files.read(file, 'configuration', configurationOfModule, []) : []))[0];
      return entry ? [{ branch, entry }] : [];
    });
    // The same choice written inline: each path exports its own object, which differ where a
    // service is located (`{ mongoURI: process.env.MONGO_URL }` or `process.env.MONGO_LOCAL`).
    // A library's options by their shape (`{ dialect, host, dialectOptions: { ssl } }`) are
    // compared by that library's location, TLS and credential options.
    const inline = inlineExportChoices(this.sourceCode).flatMap(({ branch, objects }) => {
      const values = objects.map((node) => this.evaluator.evaluate(node));
      const shaped = values.flatMap((value) => (value.kind === 'object' ? (entryForShape(value, catalog, { names: [] }) ?? []) : [])).find(isAttachedResource);
      const entry = shaped ?? entriesNamedBy(serviceLocationKeys(values.map((value) => ({ value })))).find(isAttachedResource);
      const connects = (value: Value<Node>): string =>
        shaped && value.kind === 'object' ? clientConnectionShape(shaped, value, () => '?') : shapeText(serviceLocationValues(value));
      return entry && new Set(values.map(connects)).size > 1 ? [{ branch, entry }] : [];
    });
    return (this.modulesChosen = [...modules, ...inline]);
  }

  /** The project's modules this file names, read on demand with the file's parser. */
  private get projectModules(): ModuleFiles {
    return (this.moduleFilesOfFile ??= moduleFiles(this.context.filename, this.context.languageOptions, this.context.settings));
  }

  /**
   * A helper imported from a project module that returns one of its arguments or the other by
   * environment name (`getEnv(production, development)`), read from that module.
   */
  choiceHelperFor(callee: TSESTree.Identifier): ChoiceHelper | undefined {
    const imported = importedFromRelative(this.sourceCode, callee);
    const file = imported && this.projectModules.resolve(imported.specifier);
    if (!imported || !file) return undefined;
    // A module without an environment test cannot choose by environment: it is not parsed.
    return this.projectModules.read(file, `helper:${imported.name}`, (context) => choiceHelperIn(context, imported.name), null, mayTestEnvironment) ?? undefined;
  }

  /**
   * The value a project module exports under the name `id` is imported as (`import {
   * serverDbOptions } from './options'`), read from that module: for comparing the options an
   * environment test chooses between, never reported (its nodes are the other file's).
   */
  importedValue(id: TSESTree.Identifier): Value<Node> | undefined {
    const imported = importedFromRelative(this.sourceCode, id);
    const file = imported && this.projectModules.resolve(imported.specifier);
    if (!imported || !file) return undefined;
    return this.projectModules.read(file, `value:${imported.name}`, (context) => exportedValueIn(context, imported.name), null) ?? undefined;
  }

  /**
   * What this file configures, as a module another file chooses by environment: its sites'
   * libraries, else those its exported keys name (`{ mongoURI: process.env.MONGO_URI }`).
   */
  get configuredEntries(): CatalogEntry[] {
    const entries = this.sites.map((site) => site.entry);
    if (entries.length > 0 || this.isJson) return entries;
    return entriesNamedBy(serviceLocationKeys(this.exportedConfigurations));
  }

  /**
   * How the environment name or locality reaches attached-resource clients (not `tls`/`https`
   * or WebSocket transports): branches that build clients or feed their options, and exported
   * per-environment maps (a knexfile).
   */
  get environmentBranching(): EnvironmentBranching {
    return (this.branching ??= new EnvironmentBranching(
      this.sourceCode,
      this.evaluator,
      this.sites.filter((site) => isAttachedResource(site.entry)),
      () => this.environmentBranches,
      () => this.mayExportEnvironmentMap,
      () => (this.isJson ? (this.document ? [this.document] : []) : this.exportedMaps()),
      () => this.chosenConfigurations,
      (configFileConvention(this.context.filename)?.convention.layout ?? 'options') !== 'options',
      (id) => this.importedValue(id),
    ));
  }

  /** The values of `module.exports = ...` and `export default ...`, for per-environment maps. */
  private exportedMaps(): Value<Node>[] {
    return this.sourceCode.ast.body.flatMap((statement) => {
      const node = exportedExpression(statement);
      return node ? [this.evaluator.evaluate(node)] : [];
    });
  }

  /** Calls that hand a client a credential (`amqp.credentials.plain(user, pass)`, `client.bind(dn, pw)`). */
  get credentialHelperCalls(): CredentialHelperCall[] {
    return (this.helperCalls ??= this.isJson
      ? []
      : [...findCredentialHelperCalls(this.sourceCode, this.evaluator, this.importedModules), ...findClientCredentialCalls(this.sites, this.evaluator, this.sourceCode)]);
  }

  /** String, template and concatenated literals that start with a service scheme (`redis://`). */
  get serviceUrls(): ServiceUrlLiteral[] {
    return (this.urls ??= this.isJson ? jsonServiceUrls(this.document, startsWithServiceScheme) : findServiceUrls(this.sourceCode, this.evaluator));
  }
}

/**
 * Each site, then one more per way its nested choices between option objects resolve
 * (`connection: isProd ? url : { host: 'localhost' }`), so each branch is judged whole.
 */
function withVariants(sites: ClientSite[]): ClientSite[] {
  return sites.flatMap((site) => [site, ...optionVariants(site.options).map((options) => ({ ...site, options }))]);
}

const CATALOG_NAMES: ReadonlySet<string> = new Set(catalogModuleNames);
const TYPED: ReadonlySet<string> = new Set(TYPED_MODULES);
const KNOWN_MODULES = knownModules([...catalogModuleNames, ...TYPED_MODULES, ...ENV_MODULES]);
const GLOBAL_NAMES: readonly string[] = ['require', 'process', ...catalogGlobalNames.keys()];
const PARAMETER_NAMES: readonly string[] = [...catalogParameterNames.keys()];
/** Words some option shape needs, service URLs, option definitions: the test before any export is evaluated. */
const mayHoldConfigurationText = configurationTextTest(catalog);
/** The largest exported expression read as configuration: the field corpus's largest whole file is 31 KB. */
const MAX_CONFIGURATION_TEXT = 64 * 1024;

/** What a module another file chooses by environment configures (attached resources only). */
function configurationOfModule(context: AnalysisContext): CatalogEntry[] {
  return [...new Set(getFileAnalysis(context).configuredEntries.filter(isAttachedResource))];
}

/**
 * The libraries that configuration keys name as a service's location (`mongoURI`, `REDIS_URL`):
 * a library of its own, not a wrapper or an application (`DB_HOST` is also Directus's).
 */
function entriesNamedBy(keys: readonly string[]): CatalogEntry[] {
  return keys.flatMap((name) => entryNamedBy(name, catalog) ?? entriesForEnvVar(normalizeEnvName(name)).filter((entry) => entry.wraps === undefined).slice(0, 1));
}

/** The value a module exports under `name`, evaluated in that module. */
function exportedValueIn(context: AnalysisContext, name: string): Value<Node> | null {
  const node = exportedFunction(context.sourceCode, name);
  return node ? getFileAnalysis(context).evaluator.evaluate(node) : null;
}

/** The choice helper a module exports under `name`, or null. */
function choiceHelperIn(context: AnalysisContext, name: string): ChoiceHelper | null {
  const analysis = getFileAnalysis(context);
  const fn = exportedFunction(context.sourceCode, name);
  return (fn && choiceHelperOf(fn, analysis.evaluator, analysis.environmentBranches)) ?? null;
}

// Keyed by SourceCode so all rules share one analysis per file; nothing outlives the file.
const analyses = new WeakMap<TSESLint.SourceCode, FileAnalysis>();

export function getFileAnalysis(context: AnalysisContext): FileAnalysis {
  let analysis = analyses.get(context.sourceCode);
  if (!analysis) {
    analysis = new FileAnalysis(context);
    analyses.set(context.sourceCode, analysis);
  }
  return analysis;
}
