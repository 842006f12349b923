import { OBJECT_STORAGE_ACCOUNTS } from './accounts';
import type { CatalogEntry } from './types';

/** AWS SDK for JavaScript v2 (`aws-sdk`, end of support 2025-09-08). Facts: reference/clients.md §24. */
export const awsSdkV2: CatalogEntry = {
  id: 'aws-sdk',
  displayName: 'AWS SDK v2',
  service: 'object-storage',
  modules: ['aws-sdk'],
  // `require('aws-sdk/clients/s3')` exports the service class itself.
  modulePrefix: 'aws-sdk/clients/',
  factories: [
    // new AWS.S3({ endpoint, sslEnabled, accessKeyId, secretAccessKey, httpOptions }).
    { path: '*', invoke: 'new', args: ['$spread'] },
    { path: '', invoke: 'new', args: ['$spread'] },
    // Global configuration for every later client.
    { path: 'config.update', invoke: 'call', args: ['$spread'] },
  ],
  tls: {
    default: 'verified',
    switches: [{ path: 'sslEnabled', values: { false: 'off' }, secure: 'sslEnabled: true (the default)' }],
    // `httpOptions.agent` is normally an `https.Agent`, judged by the node:tls entry.
    bags: ['httpOptions.agent'],
    verifyOff: [],
    urlParams: [],
    schemes: { plaintext: ['http'], tls: ['https'] },
  },
  credentials: {
    userPaths: ['accessKeyId', 'credentials.accessKeyId'],
    secretPaths: ['secretAccessKey', 'sessionToken', 'credentials.secretAccessKey', 'credentials.sessionToken'],
    urlUserinfo: false,
    // The variables the SDK's default credential chain reads.
    envVars: {
      accessKeyId: 'AWS_ACCESS_KEY_ID',
      secretAccessKey: 'AWS_SECRET_ACCESS_KEY',
      sessionToken: 'AWS_SESSION_TOKEN',
      'credentials.accessKeyId': 'AWS_ACCESS_KEY_ID',
      'credentials.secretAccessKey': 'AWS_SECRET_ACCESS_KEY',
      'credentials.sessionToken': 'AWS_SESSION_TOKEN',
    },
  },
  location: {
    urlPaths: ['endpoint'],
    hostPaths: [],
    listPaths: [],
    portPaths: [],
    notLocations: ['region'],
  },
  envVar: 'AWS_ENDPOINT_URL',
  envVarAliases: ['AWS_ENDPOINT_URL_S3'],
  privilegedAccounts: OBJECT_STORAGE_ACCOUNTS,
  // `AWS.config.sslEnabled = false` applies to every client.
  globalDefaults: 'config',
  recipe: {
    urlOption: 'endpoint',
    tlsOptions: {},
    supersededOptions: [],
    tlsScheme: 'https',
  },
  notes: [
    '`sslEnabled: false` (per client or in `AWS.config.update`) turns TLS off.',
    'An `http://` endpoint is plaintext.',
    'aws-sdk v2 reached end of support on 2025-09-08; migrate to `@aws-sdk/client-*`.',
  ],
};
