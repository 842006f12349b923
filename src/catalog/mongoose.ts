import { MONGODB_ACCOUNTS } from './accounts';
import { mongodbNotes, mongodbTls } from './mongodb';
import type { CatalogEntry } from './types';

/** mongoose: options and TLS are exactly the mongodb driver's. Facts: reference/clients.md §7. */
export const mongoose: CatalogEntry = {
  id: 'mongoose',
  displayName: 'mongoose',
  service: 'mongodb',
  modules: ['mongoose'],
  // `module.exports = (mongoose) => mongoose.connect(...)`: the app hands its mongoose in.
  parameterNames: ['mongoose'],
  factories: [
    { path: 'connect', invoke: 'call', args: ['url', '$spread'] },
    { path: 'createConnection', invoke: 'call', args: ['url', '$spread'] },
    // createConnection() with no URL, then .openUri(uri, options).
    { path: 'createConnection().openUri', invoke: 'call', args: ['url', '$spread'] },
    // new mongoose.Mongoose().connect(...)
    { path: 'Mongoose().connect', invoke: 'call', args: ['url', '$spread'] },
    { path: 'Mongoose().createConnection', invoke: 'call', args: ['url', '$spread'] },
  ],
  tls: mongodbTls,
  credentials: {
    userPaths: ['user', 'auth.username', 'proxyUsername'],
    secretPaths: ['pass', 'auth.password', 'proxyPassword', 'tlsCertificateKeyFilePassword'],
    urlUserinfo: true,
  },
  location: {
    urlPaths: ['url', 'uri'],
    hostPaths: ['proxyHost'],
    listPaths: [],
    portPaths: ['proxyPort'],
    notLocations: ['servername', 'replicaSet', 'authSource', 'dbName'],
  },
  envVar: 'MONGODB_URI',
  envVarAliases: ['MONGO_URL', 'MONGODB_URL', 'MONGOLAB_URI'],
  privilegedAccounts: MONGODB_ACCOUNTS,
  recipe: {
    urlOption: '$arg',
    tlsOptions: { tls: 'true' },
    supersededOptions: [],
  },
  optionTypes: [{ path: 'ConnectOptions' }, { path: 'ConnectionOptions' }],
  notes: [...mongodbNotes, '`user` and `pass` in the options are credentials like URL userinfo.'],
};
