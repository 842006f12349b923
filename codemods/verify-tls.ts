import { createTransform } from './transform';

/** jscodeshift transform `verify-tls` (see docs/codemods/verify-tls.md). */
const transform = createTransform('verify-tls');
export default transform;
