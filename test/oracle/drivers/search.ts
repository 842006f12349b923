import { Client as ElasticClient } from '@elastic/elasticsearch';
import { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import { directTls } from '../server';
import { settled, unflatten, type Driver } from './types';

const nodeUrl = (scheme: string, query: string, host: string, port: number): string => `${scheme}://${host}:${port}${query ? `/?${query}` : ''}`;

/** @elastic/elasticsearch: `new Client({ node, tls })`, one request, no retries. */
export const elasticDriver: Driver = {
  entry: '@elastic/elasticsearch',
  name: '@elastic/elasticsearch',
  scheme: 'http',
  urlRequired: true,
  url: nodeUrl,
  preamble: () => directTls,
  open(setting, target) {
    const client = new ElasticClient({ ...unflatten(setting.options), node: nodeUrl(setting.url!.scheme, setting.url!.query, target.host, target.port), maxRetries: 0 });
    return { done: settled(() => client.info()), close: () => client.close() };
  },
};

/** @opensearch-project/opensearch: `new Client({ node, ssl })`. */
export const opensearchDriver: Driver = {
  ...elasticDriver,
  entry: '@opensearch-project/opensearch',
  name: '@opensearch-project/opensearch',
  open(setting, target) {
    const client = new OpenSearchClient({ ...unflatten(setting.options), node: nodeUrl(setting.url!.scheme, setting.url!.query, target.host, target.port), maxRetries: 0 });
    return { done: settled(() => client.info()), close: () => client.close() };
  },
};
