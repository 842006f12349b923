import type { EventEmitter } from 'node:events';
import { connect as tlsConnect } from 'node:tls';
import ldap from 'ldapjs';
import { Client as LdaptsClient } from 'ldapts';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { directTls } from '../server';
import { settled, unflatten, type Attempt, type Driver } from './types';

/** An attempt that ends at the first of these events; closing ends the socket and waits for it. */
function untilOneOf(socket: EventEmitter, events: string[], end: () => void): Attempt {
  const done = new Promise((resolve) => {
    for (const event of events) socket.on(event, resolve);
  });
  return {
    done,
    close: async () => {
      end();
      await done;
    },
  };
}

const plainUrl = (scheme: string, query: string, host: string, port: number): string => `${scheme}://${host}:${port}/${query ? `?${query}` : ''}`;

/** ldapjs: `createClient({ url, tlsOptions })` and a bind. */
export const ldapjsDriver: Driver = {
  entry: 'ldapjs',
  name: 'ldapjs',
  scheme: 'ldap',
  urlRequired: true,
  url: plainUrl,
  preamble: () => directTls,
  open(setting, target) {
    const client = ldap.createClient({ ...unflatten(setting.options), url: plainUrl(setting.url!.scheme, '', target.host, target.port), reconnect: false });
    client.on('error', () => undefined);
    return {
      done: new Promise((resolve) => client.bind('cn=app,dc=example,dc=test', 'secret', resolve)),
      close: async () => {
        client.destroy();
      },
    };
  },
};

/** ldapts: `new Client({ url, tlsOptions })` and a bind. */
export const ldaptsDriver: Driver = {
  ...ldapjsDriver,
  entry: 'ldapts',
  name: 'ldapts',
  open(setting, target) {
    const client = new LdaptsClient({ ...unflatten(setting.options), url: plainUrl(setting.url!.scheme, '', target.host, target.port) });
    return { done: settled(() => client.bind('cn=app,dc=example,dc=test', 'secret')), close: () => client.unbind() };
  },
};

/** ws: `new WebSocket(url, options)`. */
export const wsDriver: Driver = {
  entry: 'ws',
  name: 'ws',
  scheme: 'ws',
  urlRequired: true,
  url: plainUrl,
  preamble: () => directTls,
  open(setting, target) {
    const socket = new WebSocket(plainUrl(setting.url!.scheme, '', target.host, target.port), unflatten(setting.options));
    return untilOneOf(socket, ['error', 'close', 'open'], () => socket.terminate());
  },
};

/** socket.io-client: `io(url, options)` over the WebSocket transport, reconnects off. */
export const socketIoDriver: Driver = {
  ...wsDriver,
  entry: 'socket.io-client',
  name: 'socket.io-client',
  scheme: 'http',
  open(setting, target) {
    const socket = io(plainUrl(setting.url!.scheme, '', target.host, target.port), { ...unflatten(setting.options), reconnection: false, transports: ['websocket'] });
    const done = new Promise((resolve) => {
      socket.on('connect_error', resolve);
      socket.on('connect', () => resolve(undefined));
    });
    return {
      done,
      close: async () => {
        socket.close();
      },
    };
  },
};

/** node:tls: `tls.connect(options)`, then a byte of application data. */
export const nodeTlsDriver: Driver = {
  entry: 'node:tls',
  name: 'node:tls',
  preamble: () => directTls,
  open(setting, target) {
    const socket = tlsConnect({ ...unflatten(setting.options), host: target.host, port: target.port }, () => socket.write('hello'));
    return untilOneOf(socket, ['error', 'close'], () => socket.destroy());
  },
};

