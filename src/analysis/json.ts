/**
 * JSON configuration files (sequelize-cli's `config/config.json`, `ormconfig.json`) read through
 * ESLint's JSON language (@eslint/json): the document as the value model the rules judge. Node
 * types are the JSON language's (`Object`, `Member`, `String`...); they carry `range` and `loc`,
 * which is all reports need.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { PropertyValue, Value } from '../policy/value';
import { textOf, walkValues } from '../policy/value';
import type { ServiceUrlLiteral } from './service-urls';

type Node = TSESTree.Node;

interface JsonNode {
  type: string;
  range: [number, number];
  value?: unknown;
  members?: Array<{ type: 'Member'; name: JsonNode; value: JsonNode; range: [number, number] }>;
  elements?: Array<{ type: 'Element'; value: JsonNode }>;
  body?: JsonNode;
}

/** Whether a rule runs on a JSON document rather than a program. */
export function isJsonDocument(ast: unknown): boolean {
  return (ast as { type?: string } | undefined)?.type === 'Document';
}

/** The document's value: objects, arrays and literals, each holding its JSON node. */
export function jsonDocumentValue(document: unknown): Value<Node> | undefined {
  const body = (document as JsonNode).body;
  return body ? jsonValue(body) : undefined;
}

function jsonValue(node: JsonNode): Value<Node> {
  const self = node as unknown as Node;
  switch (node.type) {
    case 'Object': {
      const props: PropertyValue<Node>[] = (node.members ?? []).map((member) => ({
        key: String(member.name.value ?? ''),
        value: jsonValue(member.value),
        node: member as unknown as Node,
      }));
      return { kind: 'object', props, open: false, node: self };
    }
    case 'Array':
      return { kind: 'array', elements: (node.elements ?? []).map((e) => jsonValue(e.value)), open: false, node: self };
    case 'String':
    case 'Number':
    case 'Boolean':
      return { kind: 'literal', value: node.value as string | number | boolean, node: self };
    case 'Null':
      return { kind: 'literal', value: null, node: self };
    default:
      return { kind: 'unknown', node: self };
  }
}

/** The document's strings that start with a service scheme (`redis://`), for no-plaintext-service-url. */
export function jsonServiceUrls(value: Value<Node> | undefined, startsWithScheme: (text: string) => boolean): ServiceUrlLiteral[] {
  if (!value) return [];
  const found: ServiceUrlLiteral[] = [];
  for (const inner of walkValues(value)) {
    const text = inner.kind === 'literal' ? textOf(inner) : undefined;
    if (text !== undefined && startsWithScheme(text)) found.push({ node: inner.node as ServiceUrlLiteral['node'], text, value: inner });
  }
  return found;
}
