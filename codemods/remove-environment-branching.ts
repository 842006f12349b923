import { createTransform } from './transform';

/** jscodeshift transform `remove-environment-branching` (see docs/codemods/remove-environment-branching.md). */
const transform = createTransform('remove-environment-branching');
export default transform;
