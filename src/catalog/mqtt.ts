import type { CatalogEntry } from './types';

/**
 * MQTT.js (`mqtt`): `mqtt.connect(url, options)` / `connectAsync`. TLS follows the URL scheme
 * or the `protocol` option (`mqtts`, `tls`, `wss`); the options root takes Node TLS options
 * (`rejectUnauthorized`, `ca`). Facts: the package's README and `lib/connect/index.js`
 * (protocol from the URL, `mqtts`/`tls` to a TLS socket with the options passed through).
 */
export const mqtt: CatalogEntry = {
  id: 'mqtt',
  displayName: 'mqtt',
  service: 'amqp',
  modules: ['mqtt'],
  factories: [
    { path: 'connect', invoke: 'call', args: ['url|$spread', '$spread'] },
    { path: 'connectAsync', invoke: 'call', args: ['url|$spread', '$spread'] },
  ],
  tls: {
    default: 'off',
    switches: [{ path: 'protocol', values: { '"mqtts"': 'verified', '"tls"': 'verified', '"wss"': 'verified', '"mqtt"': 'off', '"tcp"': 'off', '"ws"': 'off' }, secure: "protocol: 'mqtts'", scheme: true }],
    bags: [''],
    verifyOff: [],
    urlParams: [],
    schemes: { plaintext: ['mqtt'], tls: ['mqtts'] },
  },
  credentials: { userPaths: ['username'], secretPaths: ['password'], urlUserinfo: true },
  location: { urlPaths: ['url'], hostPaths: ['host', 'hostname'], listPaths: ['servers'], portPaths: ['port'], notLocations: ['clientId', 'servername'] },
  envVar: 'MQTT_URL',
  envVarAliases: ['MQTT_BROKER_URL'],
  privilegedAccounts: ['admin'],
  recipe: { urlOption: '$arg', tlsOptions: {}, supersededOptions: ['host', 'hostname', 'port', 'protocol', 'username', 'password'], tlsScheme: 'mqtts' },
  notes: ['`mqtt://` (or `protocol: "mqtt"`) is plaintext; use `mqtts://`.', 'Node TLS options (`rejectUnauthorized`, `ca`) go at the top of the options.'],
};
