import { elasticsearch } from './elasticsearch';
import type { CatalogEntry } from './types';

/**
 * @nestjs/elasticsearch: `ElasticsearchModule.register(options)` and `registerAsync({ useFactory })`
 * hand the options to `ElasticsearchService`, which extends @elastic/elasticsearch's `Client`
 * and passes them on unchanged (`super(options)`, `lib/elasticsearch.service.ts`).
 */
export const nestjsElasticsearch: CatalogEntry = {
  ...elasticsearch,
  id: '@nestjs/elasticsearch',
  displayName: '@nestjs/elasticsearch',
  modules: ['@nestjs/elasticsearch'],
  factories: [
    { path: 'ElasticsearchModule.register', invoke: 'call', args: ['$spread'] },
    { path: 'ElasticsearchModule.registerAsync', invoke: 'call', args: ['$async'] },
  ],
  optionTypes: [{ path: 'ElasticsearchModuleOptions' }],
  shape: undefined,
  wraps: '@elastic/elasticsearch',
  notes: ['The options go to `new Client(options)` of @elastic/elasticsearch: every fact of that client applies.', ...elasticsearch.notes],
};
