import { MONGODB_ACCOUNTS } from './accounts';
import { mongodb, mongodbTls } from './mongodb';
import { rebase } from './rebase';
import type { CatalogEntry } from './types';

const underOptions = rebase(mongodb, 'connectionOptions');

/**
 * connect-mongodb-session (`new (require('connect-mongodb-session')(session))({ uri,
 * connectionOptions })`): a session store that builds a MongoDB client from `uri`, with the
 * driver's options under `connectionOptions`. The driver's semantics apply.
 */
export const connectMongodbSession: CatalogEntry = {
  ...mongodb,
  ...underOptions,
  tls: { ...underOptions.tls, urlParams: mongodbTls.urlParams, schemes: mongodbTls.schemes, paramSchemes: mongodbTls.paramSchemes },
  location: { ...underOptions.location, urlPaths: ['uri'] },
  id: 'connect-mongodb-session',
  displayName: 'connect-mongodb-session',
  modules: ['connect-mongodb-session'],
  factories: [{ path: '()', invoke: 'new', args: ['$spread'] }],
  privilegedAccounts: MONGODB_ACCOUNTS,
  recipe: { ...underOptions.recipe, urlOption: 'uri', tlsOptions: { 'connectionOptions.tls': 'true' } },
  wraps: 'mongodb',
  notes: ['The URL (`uri`) and `connectionOptions` go to the MongoDB driver: every mongodb fact applies.'],
};
