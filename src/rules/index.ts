import noHardcodedServiceCredentials from './no-hardcoded-service-credentials';
import noHardcodedServiceLocation from './no-hardcoded-service-location';
import noPrivilegedServiceAccount from './no-privileged-service-account';
import noClientOutsideResourceModule from './no-client-outside-resource-module';
import noEnvironmentBranching from './no-environment-branching';
import noLocalServiceFallback from './no-local-service-fallback';
import noDisabledTls from './no-disabled-tls';
import noPlaintextServiceUrl from './no-plaintext-service-url';
import noUnverifiedTls from './no-unverified-tls';
import noWeakTls from './no-weak-tls';

/** Every rule, keyed by id. Configs and docs are computed from this map. */
export const rules = {
  'no-hardcoded-service-location': noHardcodedServiceLocation,
  'no-hardcoded-service-credentials': noHardcodedServiceCredentials,
  'no-privileged-service-account': noPrivilegedServiceAccount,
  'no-local-service-fallback': noLocalServiceFallback,
  'no-environment-branching': noEnvironmentBranching,
  'no-client-outside-resource-module': noClientOutsideResourceModule,
  'no-disabled-tls': noDisabledTls,
  'no-unverified-tls': noUnverifiedTls,
  'no-plaintext-service-url': noPlaintextServiceUrl,
  'no-weak-tls': noWeakTls,
};
