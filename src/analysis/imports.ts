import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { requireSpecifier, stringLiteralValue } from './ast';

/**
 * The module specifiers the file imports, as `trackModules` can follow them: static imports
 * (type-only ones too: they name a library's option types) and re-exports, `import x =
 * require('x')`, and `require('x')` in any scope. Read from the top-level statements and the
 * references to the global `require` (`globalReferences`), without walking the AST or scanning
 * the text.
 */
export function importedSpecifiers(sourceCode: TSESLint.SourceCode, requireReferences: readonly TSESTree.Identifier[]): string[] {
  const specifiers: string[] = [];
  for (const statement of sourceCode.ast.body) {
    switch (statement.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
        specifiers.push(statement.source.value);
        break;
      case 'ExportNamedDeclaration':
        if (statement.source) specifiers.push(statement.source.value);
        break;
      case 'TSImportEqualsDeclaration': {
        const reference = statement.moduleReference;
        const specifier = reference.type === 'TSExternalModuleReference' ? stringLiteralValue(reference.expression) : undefined;
        if (specifier !== undefined) specifiers.push(specifier);
        break;
      }
      default:
        break;
    }
  }
  for (const identifier of requireReferences) {
    const call = identifier.parent;
    const specifier = call?.type === 'CallExpression' && call.callee === identifier ? requireSpecifier(call) : undefined;
    if (specifier !== undefined) specifiers.push(specifier);
  }
  return specifiers;
}

/**
 * The names of `known` a list of specifiers imports: each specifier without `node:`, and the
 * package a subpath belongs to (`pg/lib/native` is `pg`, `@redis/client/dist/x` is `@redis/client`).
 * `known` comes from `knownModules`.
 */
export function importedNames(specifiers: readonly string[], known: KnownModules): Set<string> {
  const names = new Set<string>();
  for (const raw of specifiers) {
    // Relative specifiers, most of a library's, name no package.
    if (raw.charCodeAt(0) === DOT) continue;
    const specifier = raw.startsWith('node:') ? raw.slice('node:'.length) : raw;
    // Most specifiers are relative or of some other package: one lookup rules them out.
    if (!known.roots.has(firstSegment(specifier))) continue;
    if (known.names.has(specifier)) names.add(specifier);
    for (let slash = specifier.indexOf('/'); slash > 0; slash = specifier.indexOf('/', slash + 1)) {
      const name = specifier.slice(0, slash);
      if (known.names.has(name)) names.add(name);
    }
  }
  return names;
}

const DOT = 46;

/** Module names, and their first segments (`mysql2` for `mysql2/promise`, `@redis` for `@redis/client`). */
export interface KnownModules {
  names: ReadonlySet<string>;
  roots: ReadonlySet<string>;
}

export function knownModules(names: Iterable<string>): KnownModules {
  const set = new Set(names);
  return { names: set, roots: new Set([...set].map(firstSegment)) };
}

/** `pg` for `pg/lib/x`, `@aws-sdk` for `@aws-sdk/client-s3`. */
function firstSegment(specifier: string): string {
  const slash = specifier.indexOf('/');
  return slash < 0 ? specifier : specifier.slice(0, slash);
}
