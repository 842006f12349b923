import type { CatalogEntry } from './types';

/** @elastic/elasticsearch (with @elastic/transport). Facts: reference/clients.md §13, §28.19. */
export const elasticsearch: CatalogEntry = {
  id: '@elastic/elasticsearch',
  displayName: '@elastic/elasticsearch',
  service: 'elasticsearch',
  modules: ['@elastic/elasticsearch'],
  factories: [{ path: 'Client', invoke: 'new', args: ['$spread'] }],
  tls: {
    // A node, nodes or cloud is required (no localhost default): the node URL's scheme decides.
    // `cloud: { id }` always means https.
    default: 'scheme',
    switches: [],
    // `tls` is client-wide; v7 called it `ssl` (unverified). Per-node `NodeOptions.ssl` also exists.
    bags: ['tls', 'ssl'],
    verifyOff: [],
    urlParams: [],
    schemes: { plaintext: ['http'], tls: ['https'] },
    // `caFingerprint` pins the CA: with it, `rejectUnauthorized: false` is pinning, though the
    // host name is then unchecked.
    pinningOptions: ['caFingerprint'],
  },
  credentials: {
    userPaths: ['auth.username'],
    secretPaths: ['auth.password', 'auth.apiKey', 'auth.apiKey.api_key', 'auth.bearer'],
    urlUserinfo: true,
  },
  location: {
    urlPaths: [],
    // `node` and `nodes` each take a URL string, an array, or NodeOptions objects.
    hostPaths: [],
    listPaths: ['node', 'nodes'],
    portPaths: [],
    // `cloud.id` encodes the deployment but is not a host, URL or list.
    notLocations: ['cloud', 'cloud.id', 'tls.servername'],
  },
  envVar: 'ELASTICSEARCH_URL',
  envVarAliases: ['ELASTIC_CLOUD_ID', 'BONSAI_URL', 'SEARCHBOX_URL'],
  privilegedAccounts: ['elastic', 'kibana_system', 'logstash_system', 'beats_system', 'apm_system', 'remote_monitoring_user'],
  recipe: {
    urlOption: 'node',
    tlsOptions: {},
    supersededOptions: ['nodes'],
    tlsScheme: 'https',
  },
  optionTypes: [{ path: 'ClientOptions' }],
  shape: { names: ['elastic', 'elasticsearch', 'es'], ports: [9200], anyOf: ['node', 'nodes', 'auth.password'] },
  notes: [
    'The node URL scheme decides TLS: `http://` is plaintext.',
    '`tls.rejectUnauthorized: false` beside `caFingerprint` is CA pinning, not "no verification", though the host name is unchecked.',
    '`caFingerprint` with an `http://` node throws.',
    'URL userinfo is merged over `auth`.',
  ],
};
