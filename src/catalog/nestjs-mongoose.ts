import { mongoose } from './mongoose';
import type { CatalogEntry } from './types';

/**
 * @nestjs/mongoose: `MongooseModule.forRoot(uri, options)` and `forRootAsync({ useFactory })`
 * (whose factory returns `{ uri, ...options }`) call `mongoose.createConnection(uri, options)`.
 */
export const nestjsMongoose: CatalogEntry = {
  ...mongoose,
  id: '@nestjs/mongoose',
  displayName: '@nestjs/mongoose',
  modules: ['@nestjs/mongoose'],
  factories: [
    { path: 'MongooseModule.forRoot', invoke: 'call', args: ['url', '$spread'] },
    { path: 'MongooseModule.forRootAsync', invoke: 'call', args: ['$async'] },
  ],
  location: { ...mongoose.location, urlPaths: ['url', 'uri'] },
  optionTypes: [{ path: 'MongooseModuleOptions' }, { path: 'MongooseModuleFactoryOptions' }],
  shape: undefined,
  wraps: 'mongoose',
  recipe: { ...mongoose.recipe, urlOption: 'uri' },
  notes: ['`uri` and the options go to `mongoose.createConnection`: every mongoose fact applies.', ...mongoose.notes],
};
