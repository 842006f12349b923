import amqp from 'amqplib';
import { directTls } from '../server';
import { isPlainObject, settled, unflatten, type Driver } from './types';

/** amqplib: `connect(url | { protocol, hostname, ... }, socketOptions)`. */
export const amqplibDriver: Driver = {
  entry: 'amqplib',
  name: 'amqplib',
  scheme: 'amqp',
  url: (scheme, query, host, port) => `${scheme}://app:secret@${host}:${port}/${query ? `?${query}` : ''}`,
  preamble: () => directTls,
  open(setting, target) {
    const { socket, ...options } = unflatten(setting.options);
    const socketOptions = isPlainObject(socket) ? socket : {};
    const done = settled(async () => {
      const connection = setting.url
        ? await amqp.connect(amqplibDriver.url!(setting.url.scheme, setting.url.query, target.host, target.port), socketOptions)
        : await amqp.connect({ ...options, hostname: target.host, port: target.port, username: 'app', password: 'secret' }, socketOptions);
      await connection.close();
    });
    // amqplib has no way to cancel a connect: it ends when the oracle closes the socket.
    return {
      done,
      close: async () => {
        await done;
      },
    };
  },
};
