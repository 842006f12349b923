import { OBJECT_STORAGE_ACCOUNTS } from './accounts';
import type { CatalogEntry } from './types';

/**
 * MinIO's JavaScript client (`minio`): `new Minio.Client({ endPoint, port, useSSL, accessKey,
 * secretKey })`. Facts from minio 8.0.7 `dist/main/internal/client.js` (TypedClient's
 * constructor): `useSSL` defaults to `true` (https with `https.globalAgent`, so Node's
 * verification); `false` uses http; the deprecated `secure` option throws; a `transportAgent`
 * replaces the agent (an `https.Agent` is judged by the node:tls entry).
 */
export const minio: CatalogEntry = {
  id: 'minio',
  displayName: 'MinIO',
  service: 'object-storage',
  modules: ['minio'],
  factories: [{ path: 'Client', invoke: 'new', args: ['$spread'] }],
  tls: {
    default: 'verified',
    switches: [{ path: 'useSSL', values: { false: 'off', true: 'verified' }, secure: 'useSSL: true' }],
    bags: [],
    verifyOff: [],
    urlParams: [],
  },
  credentials: { userPaths: ['accessKey'], secretPaths: ['secretKey', 'sessionToken'], urlUserinfo: false },
  location: {
    urlPaths: [],
    hostPaths: ['endPoint'],
    listPaths: [],
    portPaths: ['port'],
    notLocations: ['region'],
  },
  envVar: 'MINIO_ENDPOINT',
  envVarAliases: ['MINIO_HOST', 'S3_ENDPOINT'],
  privilegedAccounts: OBJECT_STORAGE_ACCOUNTS,
  recipe: {
    urlOption: 'endPoint',
    tlsOptions: { useSSL: 'true' },
    supersededOptions: [],
    // A host name and separate settings, not a URL: each from its own variable. `port` stays as
    // written (the client rejects a string, and MinIO serves TLS on the port it listens on).
    envOptions: [
      { path: 'endPoint', envVar: 'MINIO_ENDPOINT', required: true, description: 'MinIO or S3-compatible host name, as its certificate names it' },
      { path: 'accessKey', envVar: 'MINIO_ACCESS_KEY', ifPresent: true, description: 'access key of a least-privileged MinIO user (not minioadmin)' },
      { path: 'secretKey', envVar: 'MINIO_SECRET_KEY', ifPresent: true, description: 'secret key of that user' },
    ],
  },
  // `endPoint` is spelt so by MinIO alone (AWS SDKs write `endpoint`), with its keys beside it.
  shape: { names: ['minio'], markers: ['endPoint'], anyOf: ['accessKey', 'secretKey'] },
  notes: [
    '`useSSL: false` talks to the object store over http: objects and signed requests cross the network in clear text.',
    '`useSSL` defaults to true (https, verified by Node); the deprecated `secure` option throws.',
    '`minioadmin`/`minioadmin` is the server\'s default root account.',
  ],
};
