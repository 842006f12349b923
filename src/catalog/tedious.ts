import { SQLSERVER_ACCOUNTS } from './accounts';
import { encryptSwitch, TEDIOUS_DROPPED_KEYS } from './mssql';
import type { CatalogEntry } from './types';

/** tedious (TDS driver under mssql). Facts: reference/clients.md §21. Defaults: encrypt on, verified. */
export const tedious: CatalogEntry = {
  id: 'tedious',
  displayName: 'tedious',
  service: 'mssql',
  modules: ['tedious'],
  factories: [{ path: 'Connection', invoke: 'new', args: ['$spread'] }],
  tls: {
    default: 'verified',
    switches: [encryptSwitch('options.encrypt', 'options: { encrypt: true }')],
    bags: ['options.cryptoCredentialsDetails'],
    droppedBagKeys: [{ bag: 'options.cryptoCredentialsDetails', keys: TEDIOUS_DROPPED_KEYS, effect: 'ignored' }],
    verifyOff: [
      // `rejectUnauthorized: !trustServerCertificate`. The .d.ts JSDoc says it defaults to true;
      // the code says false.
      { path: 'options.trustServerCertificate', value: true, secure: 'options: { trustServerCertificate: false }' },
    ],
    urlParams: [],
  },
  credentials: {
    // `authentication: { type, options: { userName, password } }` (tedious's own names), and the
    // top-level `userName` and `password` tedious 1.x read (`lib/connection.js`).
    userPaths: ['authentication.options.userName', 'userName'],
    secretPaths: ['authentication.options.password', 'authentication.options.clientSecret', 'authentication.options.token', 'password'],
    urlUserinfo: false,
  },
  location: {
    urlPaths: [],
    hostPaths: ['server'],
    listPaths: [],
    portPaths: ['options.port'],
    notLocations: ['options.serverName', 'options.instanceName'],
  },
  envVar: 'MSSQL_URL',
  envVarAliases: ['SQLSERVER_URL'],
  privilegedAccounts: SQLSERVER_ACCOUNTS,
  recipe: {
    urlOption: 'server',
    tlsOptions: { 'options.encrypt': 'true', 'options.trustServerCertificate': 'false' },
    supersededOptions: [],
    // Neither a URL nor a connection string: each setting from its own variable.
    envOptions: [
      { path: 'server', envVar: 'MSSQL_SERVER', required: true, description: 'SQL Server host name, as its certificate names it' },
      { path: 'authentication.options.userName', envVar: 'MSSQL_USER', ifPresent: true, description: 'SQL Server login (not sa)' },
      { path: 'authentication.options.password', envVar: 'MSSQL_PASSWORD', ifPresent: true, description: 'password of the SQL Server login' },
    ],
  },
  optionTypes: [{ path: 'ConnectionConfiguration' }, { path: 'ConnectionConfig' }],
  notes: [
    '`options.encrypt: false` sends the login and password in cleartext (merely obfuscated).',
    '`options.trustServerCertificate: true` turns certificate verification off; the default is false despite the typings comment.',
  ],
};
