import { amqplib } from './amqplib';
import { ioredis } from './ioredis';
import { kafkajs } from './kafkajs';
import { mqtt } from './mqtt';
import { nats } from './nats';
import { rebase } from './rebase';
import type { CatalogEntry, Factory } from './types';

/**
 * @nestjs/microservices: a client or server is `{ transport, options }`, and `transport` picks
 * the client library `options` go to. Each transport is an entry of its own (no module: they
 * are reached only through `dispatch`), judged by its library's facts under `options`.
 */
const dispatch: NonNullable<Factory['dispatch']> = {
  path: 'transport',
  cases: { REDIS: 'nest-transport-redis', RMQ: 'nest-transport-rmq', KAFKA: 'nest-transport-kafka', NATS: 'nest-transport-nats', MQTT: 'nest-transport-mqtt' },
};

export const nestjsMicroservices: CatalogEntry = {
  ...rebase(ioredis, 'options'),
  id: '@nestjs/microservices',
  displayName: '@nestjs/microservices',
  service: 'redis',
  modules: ['@nestjs/microservices'],
  factories: [
    // register([{ name, transport, options }, ...]) or register({ clients: [...] }).
    { path: 'ClientsModule.register', invoke: 'call', args: ['$spread'], each: 0, dispatch },
    { path: 'ClientsModule.registerAsync', invoke: 'call', args: ['$async'], each: 0, dispatch },
    { path: 'ClientProxyFactory.create', invoke: 'call', args: ['$spread'], dispatch },
    // The `@Client({ transport, options })` property decorator.
    { path: 'Client', invoke: 'call', args: ['$spread'], dispatch },
  ],
  envVar: 'REDIS_URL',
  envVarAliases: [],
  privilegedAccounts: ioredis.privilegedAccounts,
  // `{ transport, options }` objects typed with the union types: judged by their transport.
  optionTypes: [{ path: 'ClientOptions' }, { path: 'MicroserviceOptions' }, { path: 'ClientProviderOptions' }],
  wraps: 'ioredis',
  notes: ['`transport` chooses the library: Redis options go to ioredis, RMQ to amqplib, Kafka `options.client` to kafkajs, NATS to nats.'],
};

/** `NestFactory.createMicroservice(AppModule, { transport, options })` in @nestjs/core. */
export const nestjsCoreMicroservice: CatalogEntry = {
  ...nestjsMicroservices,
  id: '@nestjs/core',
  displayName: 'NestFactory.createMicroservice',
  modules: ['@nestjs/core'],
  factories: [
    { path: 'NestFactory.createMicroservice', invoke: 'call', args: [null, '$spread'], dispatch },
    // `const app = await NestFactory.create(AppModule); app.connectMicroservice({ transport, options })`
    { path: 'NestFactory.create().connectMicroservice', invoke: 'call', args: ['$spread'], dispatch },
  ],
};

const redisOptions = rebase(ioredis, 'options');
export const nestTransportRedis: CatalogEntry = {
  ...ioredis,
  ...redisOptions,
  // `options.url` (Nest 8 and older) is ioredis's own `url`, rebased.
  location: redisOptions.location,
  id: 'nest-transport-redis',
  displayName: 'Transport.REDIS (ioredis)',
  modules: [],
  factories: [],
  optionTypes: [{ module: '@nestjs/microservices', path: 'RedisOptions' }],
  wraps: 'ioredis',
};

const rmqSocket = rebase(amqplib, 'options.socketOptions');
export const nestTransportRmq: CatalogEntry = {
  ...amqplib,
  id: 'nest-transport-rmq',
  displayName: 'Transport.RMQ (amqplib)',
  modules: [],
  factories: [],
  // `urls` is a list of AMQP URLs (or amqplib connect objects); socketOptions reach tls.connect.
  tls: { ...amqplib.tls, switches: [], bags: ['options.socketOptions'] },
  credentials: { userPaths: [], secretPaths: [], urlUserinfo: true },
  location: { urlPaths: [], hostPaths: [], listPaths: ['options.urls'], portPaths: [], notLocations: rmqSocket.location.notLocations },
  implicitAccount: undefined,
  credentialHelpers: undefined,
  optionTypes: [{ module: '@nestjs/microservices', path: 'RmqOptions' }],
  recipe: { ...amqplib.recipe, urlOption: 'options.urls', supersededOptions: [] },
  wraps: 'amqplib',
};

const kafkaClient = rebase(kafkajs, 'options.client');
export const nestTransportKafka: CatalogEntry = {
  ...kafkajs,
  ...kafkaClient,
  id: 'nest-transport-kafka',
  displayName: 'Transport.KAFKA (kafkajs)',
  modules: [],
  factories: [],
  optionTypes: [{ module: '@nestjs/microservices', path: 'KafkaOptions' }],
  wraps: 'kafkajs',
};

const natsOptions = rebase(nats, 'options');
export const nestTransportNats: CatalogEntry = {
  ...nats,
  ...natsOptions,
  // Nest 7 and older took `options.url`.
  location: { ...natsOptions.location, listPaths: [...natsOptions.location.listPaths, 'options.url'] },
  id: 'nest-transport-nats',
  displayName: 'Transport.NATS (nats)',
  modules: [],
  factories: [],
  optionTypes: [{ module: '@nestjs/microservices', path: 'NatsOptions' }],
  wraps: 'nats',
};

const mqttOptions = rebase(mqtt, 'options');
export const nestTransportMqtt: CatalogEntry = {
  ...mqtt,
  ...mqttOptions,
  id: 'nest-transport-mqtt',
  displayName: 'Transport.MQTT (mqtt)',
  modules: [],
  factories: [],
  optionTypes: [{ module: '@nestjs/microservices', path: 'MqttOptions' }],
  wraps: 'mqtt',
};
