import { createTransform } from './transform';

/** jscodeshift transform `env-service-url` (see docs/codemods/env-service-url.md). */
const transform = createTransform('env-service-url');
export default transform;
