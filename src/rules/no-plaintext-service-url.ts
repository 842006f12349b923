import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ClientSite } from '../analysis/file-analysis';
import { getFileAnalysis } from '../analysis/file-analysis';
import type { ServiceUrlLiteral } from '../analysis/service-urls';
import { catalog } from '../catalog';
import { judgeServiceUrl, schemeOwners, type PlaintextUrl } from '../policy/plaintext';
import { parseServiceUrl } from '../policy/url';
import type { Value } from '../policy/value';
import { createRule } from '../util/create-rule';
import { quoteLike } from './utils/fixes';

type Node = TSESTree.Node;
type MessageIds = 'plaintext' | 'disabledByParameter' | 'suggestTlsScheme' | 'suggestTlsParam';

/** Where a value reaches a client: the site and the option path. */
interface Reach {
  site: ClientSite;
  path: string;
}

export default createRule<[], MessageIds>({
  name: 'no-plaintext-service-url',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow service URLs that connect in clear text where a TLS form exists',
      recommended: true,
      securitySeverity: 7.5,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      plaintext: '`{{client}}`: this `{{scheme}}://` URL does not require TLS, so data and credentials can cross the network in clear text. Use {{secure}}.',
      disabledByParameter: '`{{client}}`: this `{{scheme}}://` URL turns TLS off in its parameters, so it connects in clear text. Use {{secure}}.',
      suggestTlsScheme: 'Use `{{scheme}}://`.',
      suggestTlsParam: 'Add `{{param}}` to the URL.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      Program() {
        if (!sourceCode.text.includes('://')) return;
        const analysis = getFileAnalysis(sourceCode);
        const urls = analysis.serviceUrls;
        if (urls.length === 0) return;
        const reach = reachIndex(analysis.sites);
        for (const url of urls) {
          const finding = judge(url, reach.get(url.node));
          if (!finding) continue;
          const { result, standalone } = finding;
          context.report({
            node: url.node,
            messageId: result.kind === 'off' ? 'disabledByParameter' : 'plaintext',
            data: { client: standalone ? result.entry.service : result.entry.displayName, scheme: result.scheme, secure: result.secure },
            suggest: result.kind === 'off' ? [] : suggestions(url, result, sourceCode),
          });
        }
      },
    } satisfies TSESLint.RuleListener;
  },
});

/**
 * Judge one literal: with the client(s) it reaches at a location option when there are any (all
 * must agree it is plaintext), otherwise on its own with every library that reads its scheme.
 */
function judge(url: ServiceUrlLiteral, reaches: Reach[] | undefined): { result: PlaintextUrl; standalone: boolean } | undefined {
  const scheme = parseServiceUrl(url.text)?.scheme;
  if (!scheme) return undefined;
  const owners = schemeOwners(catalog, scheme);
  const atLocation = (reaches ?? []).filter((r) => isLocationPath(r.site, r.path) && owners.includes(r.site.entry));
  if (atLocation.length > 0) {
    let first: PlaintextUrl | undefined;
    for (const r of atLocation) {
      const result = judgeServiceUrl(url.text, owners, { entry: r.site.entry, options: r.site.options });
      if (!result) return undefined;
      first ??= result;
    }
    return first && { result: first, standalone: false };
  }
  const result = judgeServiceUrl(url.text, owners);
  return result && { result, standalone: true };
}

function isLocationPath(site: ClientSite, path: string): boolean {
  const { urlPaths, hostPaths, listPaths } = site.entry.location;
  return urlPaths.includes(path) || hostPaths.includes(path) || listPaths.includes(path) || listPaths.some((p) => path === `${p}.url`);
}

/** Every string-like value in every client's options, by node, with the option path. */
function reachIndex(sites: ClientSite[]): Map<Node, Reach[]> {
  const index = new Map<Node, Reach[]>();
  const visit = (site: ClientSite, value: Value<Node>, path: string, depth: number): void => {
    if (depth > 8) return;
    switch (value.kind) {
      case 'literal':
      case 'template': {
        const list = index.get(value.node) ?? [];
        list.push({ site, path });
        index.set(value.node, list);
        return;
      }
      case 'object':
        for (const prop of value.props) visit(site, prop.value, path === '' ? prop.key : `${path}.${prop.key}`, depth + 1);
        return;
      case 'array':
        for (const element of value.elements) visit(site, element, path, depth + 1);
        return;
      case 'conditional':
        for (const branch of value.branches) visit(site, branch, path, depth + 1);
        return;
      case 'env':
        if (value.fallback) visit(site, value.fallback, path, depth + 1);
        return;
      default:
        return;
    }
  };
  for (const site of sites) visit(site, site.options, '', 0);
  return index;
}

/** The string literal or template that starts the URL (the left end of a concatenation). */
function leftmost(node: Node): TSESTree.Literal | TSESTree.TemplateLiteral | undefined {
  let current = node;
  while (current.type === 'BinaryExpression') current = current.left;
  if (current.type === 'Literal' && typeof current.value === 'string') return current;
  if (current.type === 'TemplateLiteral') return current;
  return undefined;
}

function suggestions(url: ServiceUrlLiteral, result: PlaintextUrl, sourceCode: TSESLint.SourceCode): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const start = leftmost(url.node);
  if (!start) return [];
  const raw = sourceCode.getText(start);
  if (result.tlsScheme) {
    const tlsScheme = result.tlsScheme;
    if (raw.slice(1, 1 + result.scheme.length) !== result.scheme || raw.slice(1 + result.scheme.length, 4 + result.scheme.length) !== '://') return [];
    const from = start.range[0] + 1;
    return [
      {
        messageId: 'suggestTlsScheme',
        data: { scheme: tlsScheme },
        fix: (fixer) => fixer.replaceTextRange([from, from + result.scheme.length], tlsScheme),
      },
    ];
  }
  if (result.tlsParam && start === url.node && start.type === 'Literal' && typeof start.value === 'string' && !start.value.includes('#')) {
    const param = result.tlsParam;
    const text = start.value;
    const joined = `${text}${text.includes('?') ? (text.endsWith('?') || text.endsWith('&') ? '' : '&') : '?'}${param}`;
    return [{ messageId: 'suggestTlsParam', data: { param }, fix: (fixer) => fixer.replaceText(start, quoteLike(start.raw, joined)) }];
  }
  return [];
}
