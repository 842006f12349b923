import noUnverifiedTls from './no-unverified-tls';

/** Every rule, keyed by id. Configs and docs are computed from this map. */
export const rules = {
  'no-unverified-tls': noUnverifiedTls,
};
