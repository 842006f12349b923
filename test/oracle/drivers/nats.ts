import { connect } from 'nats';
import { natsPreamble } from '../preambles/nats';
import { settled, unflatten, type Driver } from './types';

/** nats: `connect({ servers, tls })`, reconnects off. */
export const natsDriver: Driver = {
  entry: 'nats',
  name: 'nats',
  preamble: () => natsPreamble,
  open(setting, target) {
    const connecting = connect({ ...unflatten(setting.options), servers: `${target.host}:${target.port}`, reconnect: false, maxReconnectAttempts: 0 });
    const done = settled(async () => {
      const connection = await connecting;
      await connection.close();
    });
    return {
      done,
      close: async () => {
        await done;
      },
    };
  },
};
