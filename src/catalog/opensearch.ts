import type { CatalogEntry } from './types';

/**
 * @opensearch-project/opensearch, a fork of elasticsearch-js 7 (TLS options under `ssl`).
 * Not covered by clients.md: facts from the opensearch-js user guide (`new Client({ node:
 * 'https://user:pass@host:9200', ssl: { ca } })`); the demo `admin` account is OpenSearch's
 * security-plugin default (unverified).
 */
export const opensearch: CatalogEntry = {
  id: '@opensearch-project/opensearch',
  displayName: '@opensearch-project/opensearch',
  service: 'opensearch',
  modules: ['@opensearch-project/opensearch'],
  factories: [{ path: 'Client', invoke: 'new', args: ['$spread'] }],
  tls: {
    default: 'scheme',
    switches: [],
    bags: ['ssl'],
    verifyOff: [],
    urlParams: [],
    schemes: { plaintext: ['http'], tls: ['https'] },
  },
  credentials: { userPaths: ['auth.username'], secretPaths: ['auth.password'], urlUserinfo: true },
  location: {
    urlPaths: [],
    hostPaths: [],
    listPaths: ['node', 'nodes'],
    portPaths: [],
    notLocations: ['ssl.servername'],
  },
  envVar: 'OPENSEARCH_URL',
  envVarAliases: ['ELASTICSEARCH_URL', 'BONSAI_URL'],
  privilegedAccounts: ['admin'],
  recipe: {
    urlOption: 'node',
    tlsOptions: {},
    supersededOptions: ['nodes'],
    tlsScheme: 'https',
  },
  optionTypes: [{ path: 'ClientOptions' }],
  shape: { names: ['opensearch'], anyOf: ['node', 'nodes', 'auth.password'] },
  notes: [
    'The node URL scheme decides TLS: `http://` is plaintext.',
    'TLS options live under `ssl` (the elasticsearch-js 7 name), not `tls`.',
    'The demo security configuration ships an `admin` account; use a least-privileged user.',
  ],
};
