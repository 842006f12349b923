import { MongoClient } from 'mongodb';
import mongoose from 'mongoose';
import { directTls } from '../server';
import { settled, unflatten, type Driver } from './types';

export function mongoUrl(scheme: string, query: string, host: string, port: number): string {
  // One server, no replica-set discovery.
  return `${scheme}://${host}:${port}/app?directConnection=true${query ? `&${query}` : ''}`;
}

/** `mongodb+srv://` cases are recorded as not run, with this reason. */
export function srvUnobservable(setting: { url?: { scheme: string } }): string | undefined {
  return setting.url?.scheme.toLowerCase() === 'mongodb+srv' ? 'mongodb+srv looks up DNS SRV and TXT records for the hosts, which loopback has none of' : undefined;
}

/** The driver's own retries off; a connect is raced against the oracle's verdict, never this timeout. */
const NO_RETRIES = { serverSelectionTimeoutMS: 20_000, retryReads: false, retryWrites: false, monitorCommands: false };

/** mongodb: `new MongoClient(url, options)`. `mongodb+srv` needs DNS SRV records, which loopback has none of. */
export const mongodbDriver: Driver = {
  entry: 'mongodb',
  name: 'mongodb',
  scheme: 'mongodb',
  urlRequired: true,
  url: mongoUrl,
  unobservable: srvUnobservable,
  preamble: () => directTls,
  open(setting, target) {
    const client = new MongoClient(mongoUrl(setting.url!.scheme, setting.url!.query, target.host, target.port), { ...unflatten(setting.options), ...NO_RETRIES });
    return { done: settled(() => client.connect()), close: () => client.close(true) };
  },
};

/** mongoose: `createConnection(url, options)`, the driver's TLS underneath. */
export const mongooseDriver: Driver = {
  ...mongodbDriver,
  entry: 'mongoose',
  name: 'mongoose',
  open(setting, target) {
    const connection = mongoose.createConnection(mongoUrl(setting.url!.scheme, setting.url!.query, target.host, target.port), { ...unflatten(setting.options), ...NO_RETRIES });
    connection.on('error', () => undefined);
    return {
      done: settled(() => connection.asPromise()),
      close: async () => {
        // Mongoose's close waits for a connect in progress to open or fail (server selection
        // takes its full timeout); closing the driver's client first ends it at once.
        await connection.getClient()?.close(true);
        await settled(() => connection.close(true));
      },
    };
  },
};
