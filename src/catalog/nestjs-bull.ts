import { bull } from './bull';
import type { CatalogEntry } from './types';

/**
 * @nestjs/bull: `BullModule.forRoot(options)` / `forRoot(configKey, options)`,
 * `registerQueue(...queues)` and their async forms pass bull's queue options through.
 */
export const nestjsBull: CatalogEntry = {
  ...bull,
  id: '@nestjs/bull',
  displayName: '@nestjs/bull',
  modules: ['@nestjs/bull'],
  factories: [
    { path: 'BullModule.forRoot', invoke: 'call', args: ['$spread', '$spread'] },
    { path: 'BullModule.registerQueue', invoke: 'call', args: ['$spread'] },
    { path: 'BullModule.forRootAsync', invoke: 'call', args: ['$async'] },
    { path: 'BullModule.registerQueueAsync', invoke: 'call', args: ['$async'] },
  ],
  optionTypes: [{ path: 'BullModuleOptions' }, { path: 'BullRootModuleOptions' }],
  wraps: 'bull',
};
