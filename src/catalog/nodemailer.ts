import type { CatalogEntry, OptionCondition } from './types';

/** Options that make STARTTLS mandatory or use implicit TLS, overriding the weaker switches. */
const tlsForced: OptionCondition[] = [
  { path: 'requireTLS', equals: true },
  { path: 'secure', equals: true },
];

/** nodemailer (SMTP transport). Facts: reference/clients.md §12, §1.3, §28.14. */
export const nodemailer: CatalogEntry = {
  id: 'nodemailer',
  displayName: 'nodemailer',
  service: 'smtp',
  modules: ['nodemailer'],
  // Its documented testing snippet (`mailConfig` for production or Ethereal) calls it without a require.
  globalNames: ['nodemailer'],
  factories: [
    // createTransport(url | options, defaults?): `defaults` are message defaults, not transport options.
    { path: 'createTransport', invoke: 'call', args: ['url|$spread', null] },
  ],
  tls: {
    // `secure: false` (the default, port 587) is STARTTLS only if the server advertises it.
    default: 'opportunistic',
    switches: [
      // `secure: false` alone is the opportunistic default; with `requireTLS: true` it is safe,
      // so only `true` is given a meaning here.
      { path: 'secure', values: { true: 'verified' }, secure: 'secure: true (port 465) or requireTLS: true' },
      { path: 'requireTLS', values: { true: 'verified' }, secure: 'requireTLS: true' },
      // `requireTLS` wins over `ignoreTLS` and `opportunisticTLS`.
      { path: 'ignoreTLS', values: { true: 'off' }, unless: tlsForced, secure: 'requireTLS: true (and no ignoreTLS)' },
      { path: 'opportunisticTLS', values: { true: 'opportunistic' }, unless: tlsForced, secure: 'requireTLS: true' },
      // Port 465 without `secure` means implicit TLS.
      { path: 'port', values: { '465': 'verified' }, secure: 'port: 465 with secure: true' },
    ],
    bags: ['tls'],
    verifyOff: [],
    urlParams: [
      // Query values are coerced ('true'|'false'|number); `tls.<key>` lands in `options.tls`.
      { name: 'requireTLS', values: { true: 'verified' }, secure: 'requireTLS=true' },
      { name: 'ignoreTLS', values: { true: 'off' }, secure: 'requireTLS=true' },
      { name: 'opportunisticTLS', values: { true: 'opportunistic' }, secure: 'requireTLS=true' },
      // Says how STARTTLS is verified, not that it is required: `smtp://` stays opportunistic.
      { name: 'tls.rejectUnauthorized', values: { false: 'unverified' }, verificationOnly: true, secure: 'tls.rejectUnauthorized=true' },
    ],
    // `smtps:` is implicit TLS; `smtp:` keeps the opportunistic default, so it is not listed
    // as plaintext.
    schemes: { plaintext: [], tls: ['smtps'] },
    // `smtp://` is opportunistic STARTTLS unless `requireTLS=true` (or the option) is given.
    paramSchemes: ['smtp'],
  },
  credentials: {
    userPaths: ['auth.user'],
    // OAuth2 secrets (`clientSecret`, `refreshToken`, `accessToken`, `privateKey`) are from the
    // nodemailer docs, not clients.md.
    secretPaths: ['auth.pass', 'auth.clientSecret', 'auth.refreshToken', 'auth.accessToken', 'auth.privateKey'],
    urlUserinfo: true,
  },
  location: {
    urlPaths: ['url'],
    hostPaths: ['host'],
    listPaths: [],
    portPaths: ['port'],
    // `service` names a preset ('gmail'), `name` is the client's own EHLO host name.
    notLocations: ['service', 'name', 'servername', 'tls.servername'],
  },
  envVar: 'SMTP_URL',
  envVarAliases: ['SMTP_HOST', 'MAILGUN_SMTP_SERVER'],
  privilegedAccounts: [],
  recipe: {
    urlOption: 'url',
    // The URL wins over object keys it sets (`secure`), but `requireTLS` is kept.
    tlsOptions: { requireTLS: 'true' },
    supersededOptions: ['host', 'port', 'secure', 'auth', 'service'],
  },
  optionTypes: [{ module: 'nodemailer/lib/smtp-transport', path: 'Options' }, { module: 'nodemailer/lib/smtp-pool', path: 'Options' }, { path: 'TransportOptions' }],
  shape: {
    names: ['smtp', 'mail', 'email', 'mailer', 'nodemailer', 'transport', 'transporter'],
    ports: [25, 465, 587, 2525],
    anyOf: ['host', 'auth.user', 'auth.pass'],
  },
  notes: [
    '`secure: false` (the default on port 587) is opportunistic STARTTLS, strippable by an attacker; add `requireTLS: true`.',
    '`ignoreTLS: true` never upgrades to TLS, and `opportunisticTLS: true` continues in plaintext when STARTTLS fails.',
    'Port 465 without `secure` is implicit TLS, and `smtps://` beats `secure: false` in the same options.',
    'A `url` option wins over the object keys it sets.',
  ],
};
