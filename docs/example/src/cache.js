'use strict';

const Redis = require('ioredis');

// The cache lives on another host, reached in clear text with the password in the code.
const redis = new Redis('redis://:s3cr3t-cache-password@cache.internal.example.com:6379/0');

// Sessions use a second connection configured field by field.
const sessions = new Redis({
  host: '10.0.12.7',
  port: 6379,
  password: 's3cr3t-cache-password',
  db: 1,
});

async function remember(key, value, seconds) {
  await redis.set(key, JSON.stringify(value), 'EX', seconds);
}

async function recall(key) {
  const raw = await redis.get(key);
  return raw === null ? undefined : JSON.parse(raw);
}

module.exports = { redis, sessions, remember, recall };
