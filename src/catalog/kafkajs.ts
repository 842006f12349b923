import type { CatalogEntry } from './types';

/** kafkajs. Facts: reference/clients.md §11, §28.17. */
export const kafkajs: CatalogEntry = {
  id: 'kafkajs',
  displayName: 'kafkajs',
  service: 'kafka',
  modules: ['kafkajs'],
  factories: [{ path: 'Kafka', invoke: 'new', args: ['$spread'] }],
  tls: {
    default: 'off',
    switches: [
      // Truthy `ssl` means tls.connect({ host, port, servername, ...ssl }): verified by default.
      { path: 'ssl', values: { true: 'verified', false: 'off' }, object: 'bag', secure: 'ssl: true' },
    ],
    bags: ['ssl'],
    verifyOff: [],
    urlParams: [],
    // Brokers are `host:port` with no scheme (Heroku's `kafka+ssl://` must be stripped).
  },
  credentials: {
    userPaths: ['sasl.username', 'sasl.accessKeyId', 'sasl.authorizationIdentity'],
    secretPaths: ['sasl.password', 'sasl.secretAccessKey', 'sasl.sessionToken'],
    urlUserinfo: false,
  },
  location: {
    urlPaths: [],
    hostPaths: [],
    listPaths: ['brokers'],
    portPaths: [],
    notLocations: ['clientId', 'ssl.servername'],
  },
  envVar: 'KAFKA_BROKERS',
  envVarAliases: ['KAFKA_URL', 'BOOTSTRAP_SERVERS'],
  privilegedAccounts: [],
  recipe: {
    urlOption: 'brokers',
    tlsOptions: { ssl: 'true' },
    supersededOptions: [],
    noUrl:
      "kafkajs takes a broker list, not a URL: write `brokers: process.env.KAFKA_BROKERS.split(',')` (strip `kafka+ssl://` from Heroku's KAFKA_URL) with `ssl: true`.",
  },
  optionTypes: [{ path: 'KafkaConfig' }],
  shape: { markers: ['brokers'], anyOf: ['brokers'] },
  notes: [
    'TLS is off unless `ssl` is set; `ssl: true` is verified TLS.',
    '`sasl` without `ssl` sends PLAIN or SCRAM credentials over plaintext, with no warning.',
    'Brokers are `host:port` strings without a scheme.',
  ],
};
