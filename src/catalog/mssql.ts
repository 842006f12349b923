import { SQLSERVER_ACCOUNTS } from './accounts';
import type { CatalogEntry, TlsSwitch } from './types';

/**
 * tedious builds a secure context from `cryptoCredentialsDetails` and connects with its own
 * `rejectUnauthorized: !trustServerCertificate` (lib/message-io.js): these bag keys do nothing.
 */
export const TEDIOUS_DROPPED_KEYS = ['rejectUnauthorized', 'checkServerIdentity'];

/** tedious `encrypt`: `false` sends the login (password merely obfuscated) in cleartext. */
export function encryptSwitch(path: string, secure: string): TlsSwitch {
  // `true` negotiates TLS in PRELOGIN; 'strict' is TDS 8 with TLS before any traffic.
  return { path, values: { false: 'off', true: 'verified', '"strict"': 'verified' }, secure };
}

/**
 * mssql (node-mssql over tedious). Facts: reference/clients.md §21, §28.12, §28.13.
 * Defaults since mssql 7: encrypt on, certificate verified.
 */
export const mssql: CatalogEntry = {
  id: 'mssql',
  displayName: 'mssql',
  service: 'mssql',
  modules: ['mssql'],
  factories: [
    // sql.connect(config | connectionString), new sql.ConnectionPool(config | connectionString[, callback]).
    // Strings are ADO.NET connection strings; a `mssql://` URL silently parses to an empty config.
    { path: 'connect', invoke: 'call', args: ['connectionString|$spread', null] },
    { path: 'ConnectionPool', invoke: 'new', args: ['connectionString|$spread', null] },
  ],
  tls: {
    default: 'verified',
    switches: [
      encryptSwitch('options.encrypt', 'options: { encrypt: true }'),
      // Top-level `encrypt`/`trustServerCertificate` are honoured too (they come from connection
      // strings), as defaults that `options` overrides (lib/tedious/connection-pool.js; the TLS
      // oracle saw `options.trustServerCertificate: false` win).
      { ...encryptSwitch('encrypt', 'options: { encrypt: true }'), unless: { path: 'options.encrypt', equals: [true, false, 'strict'] } },
      {
        path: 'trustServerCertificate',
        values: { true: 'unverified' },
        unless: { path: 'options.trustServerCertificate', equals: [true, false] },
        secure: 'options: { trustServerCertificate: false }',
      },
    ],
    bags: ['options.cryptoCredentialsDetails'],
    droppedBagKeys: [{ bag: 'options.cryptoCredentialsDetails', keys: TEDIOUS_DROPPED_KEYS, effect: 'ignored' }],
    verifyOff: [
      { path: 'options.trustServerCertificate', value: true, secure: 'options: { trustServerCertificate: false }' },
    ],
    // ADO.NET keys (case-insensitive), read by policy/connection-string.ts. `yes`/`no` are the
    // usual ADO boolean spellings (unverified for this parser).
    urlParams: [
      { name: 'encrypt', values: { false: 'off', no: 'off', true: 'verified', yes: 'verified', strict: 'verified' }, secure: 'Encrypt=true' },
      { name: 'trustservercertificate', values: { true: 'unverified', yes: 'unverified', false: 'verified', no: 'verified' }, secure: 'TrustServerCertificate=false' },
    ],
  },
  credentials: {
    userPaths: ['user', 'authentication.options.userName'],
    // `authentication.options` names are tedious's (not spelled out in clients.md).
    secretPaths: ['password', 'authentication.options.password', 'authentication.options.clientSecret', 'authentication.options.token'],
    urlUserinfo: false,
  },
  location: {
    urlPaths: ['connectionString'],
    hostPaths: ['server'],
    listPaths: [],
    portPaths: ['port'],
    // `options.serverName` is the TLS/SNI name, `instanceName` a named instance on `server`.
    notLocations: ['options.serverName', 'options.instanceName', 'domain'],
  },
  envVar: 'MSSQL_URL',
  envVarAliases: ['SQLSERVER_URL', 'DATABASE_URL'],
  privilegedAccounts: SQLSERVER_ACCOUNTS,
  recipe: {
    urlOption: 'connectionString',
    tlsOptions: { 'options.encrypt': 'true', 'options.trustServerCertificate': 'false' },
    supersededOptions: ['server', 'port', 'user', 'password', 'database'],
    // ADO.NET strings, not URLs (a `mssql://` URL silently becomes an empty config): each
    // setting from its own variable, so TLS can be set in options the code shows.
    envOptions: [
      { path: 'server', envVar: 'MSSQL_SERVER', required: true, replaces: ['connectionString'], description: 'SQL Server host name, as its certificate names it' },
      { path: 'user', envVar: 'MSSQL_USER', ifPresent: true, description: 'SQL Server login (not sa)' },
      { path: 'password', envVar: 'MSSQL_PASSWORD', ifPresent: true, description: 'password of the SQL Server login' },
      { path: 'database', envVar: 'MSSQL_DATABASE', ifPresent: true, description: 'SQL Server database name' },
    ],
  },
  optionTypes: [{ path: 'config' }],
  // `server` plus SQL Server's `options.encrypt` or `options.trustServerCertificate` is unmistakable.
  shape: {
    names: ['mssql', 'sqlserver'],
    ports: [1433],
    // tedious's own options, and the spellings copied from SQL Server connection strings.
    markers: ['options.encrypt', 'options.trustServerCertificate', 'options.enableArithAbort', 'options.instanceName', 'options.instancename', 'options.trustedConnection', 'options.trustedconnection'],
    anyOf: ['server', 'user', 'password'],
  },
  notes: [
    '`options.encrypt: false` sends the login and password in cleartext (merely obfuscated).',
    '`options.trustServerCertificate: true` (or `TrustServerCertificate=true`) turns certificate verification off.',
    'A `mssql://` URL silently parses to an empty config; only ADO.NET connection strings work.',
    "`encrypt: 'strict'` (TDS 8) is the strongest form; `encrypt: true` negotiates TLS inside PRELOGIN.",
  ],
};
