import { MONGODB_ACCOUNTS } from './accounts';
import { mongodbTls } from './mongodb';
import type { CatalogEntry } from './types';

/**
 * Strapi 3's mongoose connector: `config/database.js` declares
 * `connections.default = { connector: 'mongoose', settings: { uri | host, port, username, password, srv }, options: { ssl, authenticationDatabase } }`
 * and strapi-connector-mongoose 3 (lib/index.js) connects with `settings.uri` (or a URL built
 * from the settings) and only `{ user, pass, authSource, ssl: ssl === true || ssl === 'true',
 * dbName }`, `ssl` read from `options` or the URI's query. No other driver option reaches
 * mongoose. Only found by shape: the file imports nothing.
 */
export const strapiMongoose: CatalogEntry = {
  id: 'strapi-connector-mongoose',
  displayName: 'Strapi 3 (mongoose)',
  service: 'mongodb',
  modules: ['strapi-connector-mongoose'],
  factories: [],
  tls: {
    ...mongodbTls,
    switches: [{ path: 'options.ssl', values: { true: 'verified', '"true"': 'verified', false: 'off', '"false"': 'off' }, secure: 'options: { ssl: true }' }],
    bags: [],
    droppedBagKeys: [],
    verifyOff: [],
  },
  credentials: { userPaths: ['settings.username'], secretPaths: ['settings.password'], urlUserinfo: true },
  location: { urlPaths: ['settings.uri'], hostPaths: ['settings.host'], listPaths: [], portPaths: ['settings.port'], notLocations: ['settings.database', 'options.authenticationDatabase'] },
  envVar: 'DATABASE_URI',
  envVarAliases: ['MONGODB_URI', 'MONGO_URL'],
  privilegedAccounts: MONGODB_ACCOUNTS,
  recipe: {
    urlOption: 'settings.uri',
    tlsOptions: { 'options.ssl': 'true' },
    supersededOptions: ['settings.host', 'settings.port', 'settings.username', 'settings.password', 'settings.srv'],
  },
  optionTypes: undefined,
  shape: { discriminator: { path: 'connector', values: ['mongoose'] }, anyOf: ['settings.uri', 'settings.host', 'options.ssl'] },
  wraps: 'mongoose',
  notes: [
    'Strapi 3 only. `options.ssl` (or `?ssl=` in `settings.uri`) becomes mongoose\'s `ssl`; every other driver option under `options` is ignored.',
  ],
};
