import { LDAP_ACCOUNTS } from './accounts';
import type { CatalogEntry, SecureRecipe } from './types';

/** Every LDAP client here: the URL from `LDAP_URL`, TLS by the `ldaps://` scheme alone. */
export const LDAP_RECIPE: SecureRecipe = { urlOption: 'url', tlsOptions: {}, supersededOptions: [], tlsScheme: 'ldaps' };

/** ldapjs (unmaintained). Facts: reference/clients.md §22. */
export const ldapjs: CatalogEntry = {
  id: 'ldapjs',
  displayName: 'ldapjs',
  service: 'ldap',
  modules: ['ldapjs'],
  factories: [{ path: 'createClient', invoke: 'call', args: ['$spread'] }],
  tls: {
    // `url` is required: `ldaps:` is verified TLS, `ldap:` plaintext unless the code calls
    // `client.starttls()` later.
    default: 'scheme',
    switches: [],
    bags: ['tlsOptions'],
    verifyOff: [],
    urlParams: [],
    schemes: { plaintext: ['ldap'], tls: ['ldaps'] },
  },
  credentials: {
    // Binding is normally `client.bind(dn, password)`; `bindDN`/`bindCredentials` client options
    // are from @types/ldapjs (unverified in clients.md).
    userPaths: ['bindDN'],
    secretPaths: ['bindCredentials'],
    urlUserinfo: false,
    envVars: { bindDN: 'LDAP_BIND_DN', bindCredentials: 'LDAP_BIND_PASSWORD' },
  },
  // `client.bind(dn, password, callback)` (lib/client/client.js `Client.prototype.bind`).
  credentialHelpers: [{ path: 'bind', args: ['bindDN', 'bindCredentials', null], on: 'client' }],
  location: {
    urlPaths: [],
    // `url` is a string or an array of URLs.
    hostPaths: [],
    listPaths: ['url'],
    portPaths: [],
    notLocations: ['socketPath', 'tlsOptions.servername'],
  },
  envVar: 'LDAP_URL',
  envVarAliases: [],
  // Matched on a bind DN's first RDN (`cn=admin,dc=example,dc=org`).
  privilegedAccounts: LDAP_ACCOUNTS,
  recipe: LDAP_RECIPE,
  optionTypes: [{ path: 'ClientOptions' }],
  shape: { names: ['ldap', 'ad', 'activedirectory'], ports: [389, 636], anyOf: ['url', 'bindDN', 'bindCredentials'] },
  notes: [
    '`ldap://` is plaintext: a `bind(dn, password)` over it sends the password in clear. Use `ldaps://`.',
    '`client.starttls(options)` adds neither host nor servername: pass `{ servername: host }` rather than `rejectUnauthorized: false`.',
  ],
};
