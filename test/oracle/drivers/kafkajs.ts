import { Kafka, logLevel } from 'kafkajs';
import { directTls } from '../server';
import { settled, unflatten, type Driver } from './types';

/** kafkajs: `new Kafka({ brokers, ssl })`, an admin client's connect, retries off. */
export const kafkajsDriver: Driver = {
  entry: 'kafkajs',
  name: 'kafkajs',
  preamble: () => directTls,
  open(setting, target) {
    const kafka = new Kafka({ ...unflatten(setting.options), brokers: [`${target.host}:${target.port}`], retry: { retries: 0 }, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    return { done: settled(() => admin.connect()), close: () => admin.disconnect() };
  },
};
