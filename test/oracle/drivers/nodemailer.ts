import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import { smtpImplicitTls, smtpStartTls } from '../preambles/smtp';
import { settled, unflatten, type Driver, type Setting } from './types';

/** Implicit TLS (port 465) when the setting asks for it, STARTTLS otherwise. */
function implicit(setting: Setting): boolean {
  return setting.options.secure === true || setting.options.port === 465 || setting.url?.scheme === 'smtps';
}

/**
 * nodemailer: `createTransport(options)` and one message. The TCP socket comes from
 * `getSocket`, so `host`, `port` and `secure` stay as the setting writes them (port 465
 * means implicit TLS) while the bytes reach the oracle.
 */
export const nodemailerDriver: Driver = {
  entry: 'nodemailer',
  name: 'nodemailer',
  scheme: 'smtp',
  url: (scheme, query, host) => `${scheme}://${host}${query ? `/?${query}` : ''}`,
  preamble: (setting) => (implicit(setting) ? smtpImplicitTls : smtpStartTls),
  open(setting, target) {
    const getSocket = (_options: unknown, callback: (error: Error | null, socket?: { connection: unknown }) => void): void => {
      const socket = connect(target.port, '127.0.0.1');
      socket.once('connect', () => callback(null, { connection: socket }));
      socket.once('error', (error) => callback(error));
    };
    const options = { host: target.host, ...unflatten(setting.options), getSocket, auth: { user: 'app', pass: 'secret' } } as Record<string, unknown>;
    if (setting.url) options.url = nodemailerDriver.url!(setting.url.scheme, setting.url.query, target.host, target.port);
    const transport = nodemailer.createTransport(options);
    return {
      done: settled(() => transport.sendMail({ from: 'app@example.test', to: 'ops@example.test', text: 'oracle' })),
      close: async () => {
        transport.close();
      },
    };
  },
};
