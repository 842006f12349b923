import { createTransform } from './transform';

/** jscodeshift transform `all` (see docs/codemods/all.md). */
const transform = createTransform('all');
export default transform;
