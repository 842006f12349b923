// Where `npm run field` rebuilds a manifest entry's repository: `.field/<owner>+<name>/<commit>`,
// under the commit so that a manifest moved to another commit rebuilds its files.
import { join } from 'node:path';
import { ROOT } from '../../bench/corpus.mjs';

export const FIELD_DIR = join(ROOT, '.field');

export function fieldRoot(entry) {
  return join(FIELD_DIR, entry.repo.replace('/', '+'), entry.commit.slice(0, 12));
}
