import type { CatalogEntry } from './types';

/**
 * The legacy `elasticsearch` client (elasticsearch-js before @elastic/elasticsearch):
 * `new elasticsearch.Client({ host | hosts, httpAuth: 'user:pass', ssl })`. Hosts are URLs,
 * `host:port` strings or `{ host, port, protocol }` objects; `ssl` is a tls options bag.
 */
export const elasticsearchLegacy: CatalogEntry = {
  id: 'elasticsearch',
  displayName: 'elasticsearch (legacy client)',
  service: 'elasticsearch',
  modules: ['elasticsearch'],
  factories: [{ path: 'Client', invoke: 'new', args: ['$spread'] }],
  tls: { default: 'scheme', switches: [], bags: ['ssl'], verifyOff: [], urlParams: [], schemes: { plaintext: ['http'], tls: ['https'] } },
  credentials: { userPaths: [], secretPaths: ['httpAuth'], userPassPaths: ['httpAuth'], urlUserinfo: true },
  location: { urlPaths: [], hostPaths: [], listPaths: ['host', 'hosts'], portPaths: [], notLocations: ['ssl.servername'] },
  envVar: 'ELASTICSEARCH_URL',
  envVarAliases: ['BONSAI_URL', 'SEARCHBOX_URL'],
  privilegedAccounts: ['elastic'],
  recipe: { urlOption: 'host', tlsOptions: {}, supersededOptions: ['hosts', 'httpAuth'], tlsScheme: 'https' },
  notes: ['Deprecated since 2020: move to @elastic/elasticsearch.', '`http://` hosts are plaintext.'],
};
