import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { EnvValue, PropertyValue, Value } from '../policy/value';
import { lookup, stringOf } from '../policy/value';
import { stringLiteralValue, staticPropertyName, unwrap } from './ast';
import { trackModules } from './modules';

type Node = TSESTree.Node;
type EValue = Value<Node>;

/** The configuration libraries whose reads are understood. */
/** AdonisJS 5's environment provider (`Env.get('DB_HOST', '127.0.0.1')`). */
const ADONIS_ENV = '@ioc:Adonis/Core/Env';

export const ENV_MODULES: readonly string[] = ['env-var', 'envalid', '@nestjs/config', 'convict', ADONIS_ENV];

/** What this file imports from the common configuration libraries. */
export interface EnvLibraries {
  /** env-var `env.get('X')` (also `env.from(process.env).get('X')`) calls. */
  envVarGets: Set<Node>;
  /** envalid `cleanEnv(process.env, specs)` calls. */
  cleanEnvCalls: Set<Node>;
  /** convict `convict(schema)` calls. */
  convictCalls: Set<Node>;
  /** The file imports @nestjs/config, so `configService.get('X')` reads the environment. */
  nestConfig: boolean;
  /** The file takes AdonisJS's `Env` (`use('Env')`, or imports it), so `Env.get('X', 'default')` reads the environment. */
  adonisEnv: boolean;
}

export const NO_ENV_LIBRARIES: EnvLibraries = {
  envVarGets: new Set(),
  cleanEnvCalls: new Set(),
  convictCalls: new Set(),
  nestConfig: false,
  adonisEnv: false,
};

/** Callers first check that the file imports one of `ENV_MODULES`. */
export function findEnvLibraries(sourceCode: TSESLint.SourceCode): EnvLibraries {
  const libraries: EnvLibraries = { envVarGets: new Set(), cleanEnvCalls: new Set(), convictCalls: new Set(), nestConfig: false, adonisEnv: false };
  for (const use of trackModules(sourceCode, (m) => ENV_MODULES.includes(m))) {
    if (use.kind !== 'call') continue;
    if (use.module === 'env-var' && (use.path === 'get' || use.path === 'from().get')) libraries.envVarGets.add(use.node);
    else if (use.module === 'envalid' && use.path === 'cleanEnv') libraries.cleanEnvCalls.add(use.node);
    else if (use.module === 'convict' && use.path === '') libraries.convictCalls.add(use.node);
  }
  libraries.nestConfig = sourceCode.ast.body.some((s) => s.type === 'ImportDeclaration' && s.source.value === '@nestjs/config');
  libraries.adonisEnv = takesAdonisEnv(sourceCode.text) || sourceCode.ast.body.some((s) => s.type === 'ImportDeclaration' && s.source.value === ADONIS_ENV);
  return libraries;
}

/** AdonisJS 4's `const Env = use('Env')`, its IoC container's global `use`. */
export function takesAdonisEnv(text: string): boolean {
  return text.includes('Env') && /\buse\(\s*['"]Env['"]\s*\)/.test(text);
}

/** The environment read a call to a configuration library makes, if it is one. */
export function envLibraryRead(libraries: EnvLibraries, node: TSESTree.CallExpression, evaluate: (n: Node) => EValue): EValue | undefined {
  if (libraries === NO_ENV_LIBRARIES) return undefined;
  if (libraries.cleanEnvCalls.has(node)) return cleanEnvObject(node, evaluate);
  const envVar = envVarChain(libraries, node, evaluate);
  if (envVar) return envVar;
  const callee = unwrap(node.callee);
  if (callee.type !== 'MemberExpression') return undefined;
  const method = staticPropertyName(callee);
  if (method !== 'get' && method !== 'getOrThrow') return undefined;
  const name = stringLiteralValue(node.arguments[0]);
  if (name === undefined) return undefined;
  // `configService`, `this.config`, `cfg`: what a file importing @nestjs/config calls its service;
  // `Env`: AdonisJS's provider, whose `get(name, default)` is the same read.
  const receiver = receiverName(callee.object) ?? '';
  if ((libraries.nestConfig && /config|cfg/i.test(receiver)) || (libraries.adonisEnv && /^env$/i.test(receiver))) {
    const fallbackNode = method === 'get' ? node.arguments[1] : undefined;
    return envValue(name, 'config-service', node, fallbackNode && evaluate(fallbackNode), fallbackNode);
  }
  return convictRead(libraries, callee.object, name, node, evaluate);
}

function envValue(name: string | undefined, source: EnvValue['source'], node: Node, fallback: EValue | undefined, fallbackNode: Node | undefined): EnvValue<Node> {
  return fallback ? { kind: 'env', name, source, node, fallback, fallbackNode } : { kind: 'env', name, source, node };
}

/** `env.get('X').default('y').required().asString()`, read from the outermost call inwards. */
function envVarChain(libraries: EnvLibraries, node: TSESTree.CallExpression, evaluate: (n: Node) => EValue): EValue | undefined {
  let current: Node = node;
  let fallbackNode: Node | undefined;
  for (;;) {
    if (current.type !== 'CallExpression') return undefined;
    if (libraries.envVarGets.has(current)) {
      const name = stringLiteralValue(current.arguments[0]);
      return envValue(name, 'env-var', node, fallbackNode && evaluate(fallbackNode), fallbackNode);
    }
    const callee = unwrap(current.callee);
    if (callee.type !== 'MemberExpression') return undefined;
    if (staticPropertyName(callee) === 'default' && current.arguments[0] && current.arguments[0].type !== 'SpreadElement') {
      fallbackNode = current.arguments[0];
    }
    current = unwrap(callee.object);
  }
}

/** `cleanEnv(process.env, { DATABASE_URL: url({ devDefault: '...' }) })` as an object of env reads. */
function cleanEnvObject(node: TSESTree.CallExpression, evaluate: (n: Node) => EValue): EValue {
  const specsNode = node.arguments[1];
  if (!specsNode || specsNode.type !== 'ObjectExpression') return { kind: 'unknown', node };
  const props: PropertyValue<Node>[] = [];
  let open = false;
  for (const property of specsNode.properties) {
    if (property.type !== 'Property' || property.computed) {
      open = true;
      continue;
    }
    const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
    if (key === undefined) continue;
    let fallbackNode: Node | undefined;
    const validator = property.value;
    if (validator.type === 'CallExpression' && validator.arguments[0]?.type === 'ObjectExpression') {
      const options = validator.arguments[0];
      // devDefault is the value used outside production: the local fallback when there is one.
      const named = (wanted: string): Node | undefined => {
        for (const p of options.properties) {
          if (p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === wanted) return p.value;
        }
        return undefined;
      };
      fallbackNode = named('devDefault') ?? named('default');
    }
    props.push({ key, value: envValue(key, 'envalid', property, fallbackNode && evaluate(fallbackNode), fallbackNode), node: property });
  }
  return { kind: 'object', props, open, node };
}

/** `config.get('db.url')` where `config = convict({ db: { url: { env, default } } })`. */
function convictRead(libraries: EnvLibraries, receiver: Node, path: string, node: Node, evaluate: (n: Node) => EValue): EValue | undefined {
  if (libraries.convictCalls.size === 0) return undefined;
  const schemaCall = [...libraries.convictCalls].find((call) => call.parent?.type === 'VariableDeclarator' && call.parent.id.type === 'Identifier' && receiver.type === 'Identifier' && call.parent.id.name === receiver.name);
  if (!schemaCall || schemaCall.type !== 'CallExpression' || !schemaCall.arguments[0]) return undefined;
  const schema = evaluate(schemaCall.arguments[0]);
  const entry = lookup(schema, path);
  if (entry.status !== 'present') return undefined;
  const envName = lookup(entry.value, 'env');
  const name = envName.status === 'present' ? stringOf(envName.value) : undefined;
  const fallback = lookup(entry.value, 'default');
  if (fallback.status !== 'present') return envValue(name, 'convict', node, undefined, undefined);
  return envValue(name, 'convict', node, fallback.value, fallback.value.node);
}

function receiverName(node: Node): string | undefined {
  const inner = unwrap(node);
  if (inner.type === 'Identifier') return inner.name;
  if (inner.type === 'MemberExpression') return staticPropertyName(inner);
  if (inner.type === 'NewExpression') return receiverName(inner.callee);
  return undefined;
}
