import { MONGODB_ACCOUNTS } from './accounts';
import { mongodb, mongodbTls } from './mongodb';
import { rebase } from './rebase';
import type { CatalogEntry } from './types';

const underOptions = rebase(mongodb, 'mongoOptions');

/**
 * connect-mongo, a session store that builds a MongoDB client from a URL: 4+
 * (`MongoStore.create({ mongoUrl, mongoOptions })`) and 3
 * (`new (require('connect-mongo')(session))({ url })`). The driver's semantics apply: URL
 * parameters in the URL, driver options under `mongoOptions`. connect-mongodb-session, which
 * reads `uri` and `connectionOptions`, has its own entry.
 */
export const connectMongo: CatalogEntry = {
  ...mongodb,
  ...underOptions,
  tls: { ...underOptions.tls, urlParams: mongodbTls.urlParams, schemes: mongodbTls.schemes, paramSchemes: mongodbTls.paramSchemes },
  location: { ...underOptions.location, urlPaths: ['mongoUrl', 'url', 'uri'] },
  id: 'connect-mongo',
  displayName: 'connect-mongo',
  modules: ['connect-mongo'],
  factories: [
    { path: 'create', invoke: 'call', args: ['$spread'] },
    { path: 'MongoStore.create', invoke: 'call', args: ['$spread'] },
    { path: '()', invoke: 'new', args: ['$spread'] },
  ],
  optionTypes: [{ path: 'ConnectMongoOptions' }],
  privilegedAccounts: MONGODB_ACCOUNTS,
  recipe: { ...underOptions.recipe, urlOption: 'mongoUrl', tlsOptions: { 'mongoOptions.tls': 'true' } },
  wraps: 'mongodb',
  notes: ['The URL and `mongoOptions` go to the MongoDB driver: every mongodb fact applies.'],
};
