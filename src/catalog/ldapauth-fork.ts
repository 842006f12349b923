import { LDAP_ACCOUNTS } from './accounts';
import { LDAP_RECIPE, ldapjs } from './ldapjs';
import { rebase } from './rebase';
import type { CatalogEntry } from './types';

/**
 * ldapauth-fork (passport-ldapauth's LDAP layer) and its unmaintained parent ldapauth, which
 * both build ldapjs clients from the options. Facts from the packages' own source:
 * ldapauth-fork 6.1.0 lib/ldapauth.js and lib/ldapauth.d.ts, ldapauth 2.3.1 lib/ldapauth.js.
 */
export const ldapauthFork: CatalogEntry = {
  id: 'ldapauth-fork',
  displayName: 'ldapauth-fork',
  service: 'ldap',
  modules: ['ldapauth-fork', 'ldapauth'],
  // `module.exports = LdapAuth`, a constructor: `new LdapAuth({ url, bindDN, ... })`.
  factories: [{ path: '', invoke: 'new', args: ['$spread'] }],
  tls: {
    // `url` and `tlsOptions` go to ldapjs.createClient as they are: `ldaps:` is TLS.
    default: 'scheme',
    switches: [
      // ldapauth-fork only: `starttls: true` calls ldapjs `starttls(tlsOptions)` on both clients
      // before binding, and a failure is an error (fails closed).
      { path: 'starttls', values: { true: 'verified' }, secure: 'starttls: true' },
    ],
    bags: ldapjs.tls.bags,
    verifyOff: [],
    urlParams: [],
    schemes: ldapjs.tls.schemes,
  },
  credentials: {
    // ldapauth-fork reads `bindDN` (or `bindDn`, `adminDn`) and `bindCredentials` (or
    // `Credentials`, `adminPassword`); ldapauth 2 reads `adminDn` and `adminPassword`.
    userPaths: ['bindDN', 'bindDn', 'adminDn'],
    secretPaths: ['bindCredentials', 'Credentials', 'adminPassword'],
    urlUserinfo: false,
  },
  location: {
    urlPaths: [],
    hostPaths: [],
    // Passed to ldapjs, which takes a string or a list of URLs.
    listPaths: ['url'],
    portPaths: [],
    notLocations: ['socketPath', 'tlsOptions.servername', 'searchBase', 'groupSearchBase'],
  },
  envVar: 'LDAP_URL',
  envVarAliases: [],
  // Matched on the bind DN's first RDN (`cn=admin,dc=example,dc=org`).
  privilegedAccounts: LDAP_ACCOUNTS,
  recipe: LDAP_RECIPE,
  optionTypes: [{ path: 'Options' }],
  wraps: 'ldapjs',
  notes: [
    '`ldap://` without `starttls: true` sends the bind password and every user\'s password in clear. Use `ldaps://`.',
    'ldapauth (the parent package) takes `adminDn`/`adminPassword` and has no `starttls`.',
  ],
};

const underServer = rebase(ldapauthFork, 'server');

/**
 * passport-ldapauth, the Passport strategy: `new LdapStrategy({ server: {...} }, verify)` hands
 * `server` to ldapauth-fork as it is (3.0.1 lib/passport-ldapauth/strategy.js: `new
 * LdapAuth(this.options.server)`), so ldapauth-fork's facts apply under `server`.
 */
export const passportLdapauth: CatalogEntry = {
  ...ldapauthFork,
  ...underServer,
  id: 'passport-ldapauth',
  displayName: 'passport-ldapauth',
  modules: ['passport-ldapauth'],
  // `module.exports = Strategy`, also as `.Strategy`.
  factories: [
    { path: '', invoke: 'new', args: ['$spread', null] },
    { path: 'Strategy', invoke: 'new', args: ['$spread', null] },
  ],
  optionTypes: [{ path: 'Options' }],
  wraps: 'ldapauth-fork',
  notes: ['`server` goes to ldapauth-fork, then to ldapjs: every ldapauth-fork fact applies under `server`.'],
};
