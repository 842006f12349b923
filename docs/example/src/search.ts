import { Client } from '@elastic/elasticsearch';

// Production and staging use different clusters, chosen in code.
const node =
  process.env.NODE_ENV === 'production'
    ? 'http://search.prod.example.com:9200'
    : 'http://localhost:9200';

export const search = new Client({ node });

export async function searchOrders(text: string): Promise<unknown[]> {
  const result = await search.search({ index: 'orders', query: { match: { customer: text } } });
  return result.hits.hits.map((hit) => hit._source);
}
