import { bullmq } from './bullmq';
import type { CatalogEntry } from './types';

/**
 * @nestjs/bullmq: `BullModule.forRoot({ connection })`, `registerQueue({ name, connection })`
 * and their async forms hand `connection` to bullmq, which builds an ioredis client from it.
 */
export const nestjsBullmq: CatalogEntry = {
  ...bullmq,
  id: '@nestjs/bullmq',
  displayName: '@nestjs/bullmq',
  modules: ['@nestjs/bullmq'],
  factories: [
    { path: 'BullModule.forRoot', invoke: 'call', args: ['$spread', '$spread'] },
    { path: 'BullModule.registerQueue', invoke: 'call', args: ['$spread'] },
    { path: 'BullModule.forRootAsync', invoke: 'call', args: ['$async'] },
    { path: 'BullModule.registerQueueAsync', invoke: 'call', args: ['$async'] },
  ],
  optionTypes: [{ path: 'BullRootModuleOptions' }, { path: 'RegisterQueueOptions' }],
  wraps: 'bullmq',
};
