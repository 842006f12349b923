import { typeorm } from './typeorm';
import type { CatalogEntry } from './types';

/**
 * @nestjs/typeorm: `TypeOrmModule.forRoot(options)` and `forRootAsync({ useFactory })` build a
 * TypeORM DataSource from the same options, so TypeORM's semantics apply unchanged.
 */
export const nestjsTypeorm: CatalogEntry = {
  ...typeorm,
  id: '@nestjs/typeorm',
  displayName: '@nestjs/typeorm',
  modules: ['@nestjs/typeorm'],
  factories: [
    { path: 'TypeOrmModule.forRoot', invoke: 'call', args: ['$spread'] },
    { path: 'TypeOrmModule.forRootAsync', invoke: 'call', args: ['$async'] },
  ],
  // `createTypeOrmOptions(): TypeOrmModuleOptions` in a `useClass` options factory is found by its type.
  optionTypes: [{ path: 'TypeOrmModuleOptions' }, { path: 'TypeOrmModuleAsyncOptions' }],
  configFiles: undefined,
  shape: undefined,
  wraps: 'typeorm',
  notes: ['Options are handed to a TypeORM DataSource: every TypeORM fact applies.', ...typeorm.notes],
};
