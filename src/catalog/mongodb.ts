import { MONGODB_ACCOUNTS } from './accounts';
import type { CatalogEntry, TlsSpec } from './types';

/**
 * TLS semantics of the MongoDB Node driver, shared by mongoose (which passes its options
 * straight to the driver). Facts: reference/clients.md §6, §1.3, §28.10.
 */
export const mongodbTls: TlsSpec = {
  // `mongodb://` is plaintext, `mongodb+srv://` implies TLS unless `tls`/`ssl` is given.
  default: 'scheme',
  switches: [
    // `tls` and `ssl` are aliases; all values must agree or the driver throws.
    { path: 'tls', values: { true: 'verified', false: 'off' }, secure: 'tls: true' },
    { path: 'ssl', values: { true: 'verified', false: 'off' }, secure: 'tls: true' },
  ],
  // Raw Node TLS socket options (`rejectUnauthorized`, `checkServerIdentity`, `ciphers`,
  // `secureProtocol`...) are accepted at the top of the options object.
  bags: [''],
  // Not in the driver's LEGAL_TLS_SOCKET_OPTIONS: MongoParseError, the client never starts.
  droppedBagKeys: [{ bag: '', keys: ['minVersion', 'maxVersion'], effect: 'rejected' }],
  verifyOff: [
    { path: 'tlsAllowInvalidCertificates', value: true, secure: 'tlsAllowInvalidCertificates: false (and tlsCAFile for a private CA)' },
    { path: 'tlsAllowInvalidHostnames', value: true, secure: 'tlsAllowInvalidHostnames: false' },
    { path: 'tlsInsecure', value: true, secure: 'tlsInsecure: false' },
    // Driver 3.x (and the 4.x alias of `tlsAllowInvalidCertificates`, inverted).
    { path: 'sslValidate', value: false, secure: 'sslValidate: true (tlsAllowInvalidCertificates: false in driver 4+)' },
  ],
  urlParams: [
    { name: 'tls', values: { true: 'verified', false: 'off' }, secure: 'tls=true' },
    { name: 'ssl', values: { true: 'verified', false: 'off' }, secure: 'tls=true' },
    // Without `tls=true` these leave a `mongodb://` URL in clear text (seen by the TLS oracle).
    { name: 'tlsAllowInvalidCertificates', values: { true: 'unverified' }, verificationOnly: true, secure: 'tlsAllowInvalidCertificates=false' },
    { name: 'tlsAllowInvalidHostnames', values: { true: 'unverified' }, verificationOnly: true, secure: 'tlsAllowInvalidHostnames=false' },
    { name: 'tlsInsecure', values: { true: 'unverified' }, verificationOnly: true, secure: 'tlsInsecure=false' },
  ],
  schemes: { plaintext: ['mongodb'], tls: ['mongodb+srv'] },
  // `mongodb://` is plaintext unless `tls=true`/`ssl=true` or the `tls` option.
  paramSchemes: ['mongodb'],
};

export const mongodbNotes: string[] = [
  '`mongodb+srv://` implies TLS only when neither `tls` nor `ssl` is given: `?tls=false` or `{ tls: false }` makes it plaintext.',
  '`mongodb://` is plaintext unless `tls=true` (or `{ tls: true }`).',
  '`tlsAllowInvalidCertificates`, `tlsAllowInvalidHostnames` and `tlsInsecure` turn verification off.',
  'The options object wins over URI options, and mixed `tls`/`ssl` values throw.',
];

/** The official MongoDB Node driver. Facts: reference/clients.md §6. */
export const mongodb: CatalogEntry = {
  id: 'mongodb',
  displayName: 'mongodb',
  service: 'mongodb',
  modules: ['mongodb'],
  factories: [
    // The URL is required and comes first; options second.
    { path: 'MongoClient', invoke: 'new', args: ['url', '$spread'] },
    { path: 'MongoClient.connect', invoke: 'call', args: ['url', '$spread'] },
  ],
  tls: mongodbTls,
  credentials: {
    userPaths: ['auth.username', 'proxyUsername'],
    secretPaths: ['auth.password', 'proxyPassword', 'tlsCertificateKeyFilePassword'],
    urlUserinfo: true,
  },
  location: {
    urlPaths: ['url', 'uri'],
    hostPaths: ['proxyHost'],
    listPaths: [],
    portPaths: ['proxyPort'],
    notLocations: ['servername', 'replicaSet', 'authSource'],
  },
  envVar: 'MONGODB_URI',
  envVarAliases: ['MONGO_URL', 'MONGODB_URL', 'MONGOLAB_URI'],
  // No built-in default user; `root`/`admin` are the conventional superusers.
  privilegedAccounts: MONGODB_ACCOUNTS,
  recipe: {
    urlOption: '$arg',
    tlsOptions: { tls: 'true' },
    supersededOptions: [],
  },
  optionTypes: [{ path: 'MongoClientOptions' }],
  shape: { names: ['mongo', 'mongodb', 'mongoose'], ports: [27017], anyOf: ['url', 'uri', 'auth.password'] },
  notes: mongodbNotes,
};
