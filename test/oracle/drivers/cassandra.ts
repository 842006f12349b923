import cassandra from 'cassandra-driver';
import { directTls } from '../server';
import { settled, unflatten, type Driver } from './types';

/** cassandra-driver: `new Client({ contactPoints, sslOptions })`; an IP contact point (the certificate names it). */
export const cassandraDriver: Driver = {
  entry: 'cassandra-driver',
  name: 'cassandra-driver',
  preamble: () => directTls,
  open(setting, target) {
    const client = new cassandra.Client({
      ...unflatten(setting.options),
      contactPoints: ['127.0.0.1'],
      localDataCenter: 'dc1',
      protocolOptions: { port: target.port, maxVersion: 4 },
      policies: { reconnection: new cassandra.policies.reconnection.ConstantReconnectionPolicy(1_000_000) },
    });
    return { done: settled(() => client.connect()), close: () => client.shutdown() };
  },
};
