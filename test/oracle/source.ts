/**
 * Catalog strings that are code (`ssl: { rejectUnauthorized: true }`, recipe values such as
 * `'{ rejectUnauthorized: true, verifyIdentity: true }'`) turned into runtime values, and
 * runtime values back into code for labels and lint sources. Prose (`secure: true (port 465)
 * or requireTLS: true`) is not code and gives undefined.
 */
import * as espree from 'espree';
import { isPlainObject } from './drivers/types';

type Node = { type: string; [key: string]: unknown };

/** The value of a literal JS expression, or undefined when it is anything else. */
export function evaluateCode(text: string): { value: unknown } | undefined {
  let program: Node;
  try {
    program = espree.parse(`(${text})`, { ecmaVersion: 'latest' }) as unknown as Node;
  } catch {
    return undefined;
  }
  const body = program.body as Node[];
  if (body.length !== 1 || body[0]!.type !== 'ExpressionStatement') return undefined;
  return literal(body[0]!.expression as Node);
}

/** `a: 1, b: { c: true }` (an object body, as catalog `secure` strings read) as flat paths. */
export function evaluateOptions(text: string): Record<string, unknown> | undefined {
  const result = evaluateCode(`{ ${text} }`);
  return result && isPlainObject(result.value) ? result.value : undefined;
}

function literal(node: Node): { value: unknown } | undefined {
  switch (node.type) {
    case 'Literal':
      return { value: node.value };
    case 'Identifier':
      return node.name === 'undefined' ? { value: undefined } : undefined;
    case 'ArrayExpression': {
      const out: unknown[] = [];
      for (const element of node.elements as Node[]) {
        const v = element && literal(element);
        if (!v) return undefined;
        out.push(v.value);
      }
      return { value: out };
    }
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const prop of node.properties as Node[]) {
        const key = prop.key as Node;
        if (prop.type !== 'Property' || prop.computed) return undefined;
        const name = key.type === 'Identifier' ? (key.name as string) : String(key.value);
        const v = literal(prop.value as Node);
        if (!v) return undefined;
        out[name] = v.value;
      }
      return { value: out };
    }
    case 'ArrowFunctionExpression':
      // `() => undefined`, the no-op checkServerIdentity.
      return { value: () => undefined };
    default:
      return undefined;
  }
}

/** Code for a runtime value, as a setting is shown in the record and linted. */
export function toCode(value: unknown): string {
  if (typeof value === 'function') return '() => undefined';
  if (value === undefined) return 'undefined';
  // A certificate made for this run: its name, so that labels and the record stay stable.
  if (typeof value === 'string' && value.startsWith('-----BEGIN')) return '<the test CA>';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(toCode).join(', ')}]`;
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${toCode(v)}`).join(', ')} }`;
  }
  return String(value);
}
