import { LDAP_ACCOUNTS } from './accounts';
import { LDAP_RECIPE } from './ldapjs';
import type { CatalogEntry } from './types';

/** ldapts (maintained, TypeScript). Facts: reference/clients.md §22. */
export const ldapts: CatalogEntry = {
  id: 'ldapts',
  displayName: 'ldapts',
  service: 'ldap',
  modules: ['ldapts'],
  factories: [{ path: 'Client', invoke: 'new', args: ['$spread'] }],
  tls: {
    // `ldaps:` is verified TLS; `ldap:` is plaintext unless the code calls `startTLS()`.
    default: 'scheme',
    switches: [],
    bags: ['tlsOptions'],
    verifyOff: [],
    urlParams: [],
    schemes: { plaintext: ['ldap'], tls: ['ldaps'] },
  },
  // Credentials go to `client.bind(dn, password)`, not to the constructor: read from that call
  // under ldapjs's option names (`Client.bind(dnOrSaslMechanism, password?, controls?)`).
  credentials: { userPaths: ['bindDN'], secretPaths: ['bindCredentials'], urlUserinfo: false, envVars: { bindDN: 'LDAP_BIND_DN', bindCredentials: 'LDAP_BIND_PASSWORD' } },
  credentialHelpers: [{ path: 'bind', args: ['bindDN', 'bindCredentials', null], on: 'client' }],
  location: {
    urlPaths: ['url'],
    hostPaths: [],
    listPaths: [],
    portPaths: [],
    notLocations: ['tlsOptions.servername'],
  },
  envVar: 'LDAP_URL',
  envVarAliases: [],
  privilegedAccounts: LDAP_ACCOUNTS,
  recipe: LDAP_RECIPE,
  optionTypes: [{ path: 'ClientOptions' }],
  notes: [
    '`ldap://` is plaintext unless `startTLS()` is called before `bind()`; prefer `ldaps://`.',
  ],
};
