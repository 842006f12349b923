import { OBJECT_STORAGE_ACCOUNTS } from './accounts';
import type { CatalogEntry } from './types';

/** AWS SDK for JavaScript v3 (`@aws-sdk/client-*`). Facts: reference/clients.md §24, §1.2. */
export const awsSdk: CatalogEntry = {
  id: '@aws-sdk/client-*',
  displayName: 'AWS SDK v3',
  service: 'object-storage',
  modules: [],
  modulePrefix: '@aws-sdk/client-',
  factories: [
    // new S3Client({ region, endpoint, credentials, tls, requestHandler }), any service client.
    { path: '*Client', invoke: 'new', args: ['$spread'] },
  ],
  tls: {
    // With no endpoint the SDK always uses https; an `http://` endpoint override is plaintext.
    default: 'verified',
    switches: [
      // Deprecated; only affects endpoints derived from the region.
      { path: 'tls', values: { false: 'off' }, secure: 'no tls option (https is the default)' },
    ],
    // `requestHandler: { httpsAgent: { rejectUnauthorized: false } }`; an `https.Agent` instance
    // is judged by the node:tls entry.
    bags: ['requestHandler.httpsAgent'],
    verifyOff: [],
    urlParams: [],
    schemes: { plaintext: ['http'], tls: ['https'] },
  },
  credentials: {
    userPaths: ['credentials.accessKeyId'],
    secretPaths: ['credentials.secretAccessKey', 'credentials.sessionToken'],
    urlUserinfo: false,
    // The variables the SDK's default credential chain reads.
    envVars: { 'credentials.accessKeyId': 'AWS_ACCESS_KEY_ID', 'credentials.secretAccessKey': 'AWS_SECRET_ACCESS_KEY', 'credentials.sessionToken': 'AWS_SESSION_TOKEN' },
  },
  location: {
    urlPaths: ['endpoint'],
    hostPaths: [],
    listPaths: [],
    portPaths: [],
    notLocations: ['region'],
  },
  // Read by the SDK itself, as is AWS_ENDPOINT_URL_<SERVICE>.
  envVar: 'AWS_ENDPOINT_URL',
  envVarAliases: ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ENDPOINT_URL_SQS'],
  // MinIO's and LocalStack's default accounts (unverified).
  privilegedAccounts: OBJECT_STORAGE_ACCOUNTS,
  recipe: {
    urlOption: 'endpoint',
    tlsOptions: {},
    supersededOptions: [],
    tlsScheme: 'https',
  },
  notes: [
    'An `endpoint: "http://..."` override (LocalStack, MinIO) is plaintext; without one the SDK uses https.',
    'The SDK reads `AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_<SERVICE>` itself, so an endpoint can live in the environment.',
    '`tls: false` is deprecated and only affects endpoints derived from the region.',
    'Literal `accessKeyId`/`secretAccessKey` values are hard-coded credentials; use the default credential chain.',
  ],
};
