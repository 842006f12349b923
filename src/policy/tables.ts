/**
 * Tables: one object holding the same kind of entry under many keys, such as a mail library's
 * list of providers (`{ gmail: { host: 'smtp.gmail.com' }, outlook: {...}, ... }`). That is data
 * to choose from, not the configuration of the app's own services, which keys each service once.
 */

/** Children that share a label (the library whose options they are, a setting they hold) from this many up. */
export const TABLE_SIZE = 8;

/** Whether `TABLE_SIZE` or more children share one label; each child gives its labels. */
export function isTable<T>(children: Iterable<Iterable<T>>): boolean {
  const counts = new Map<T, number>();
  for (const labels of children) {
    for (const label of new Set(labels)) {
      const count = (counts.get(label) ?? 0) + 1;
      if (count >= TABLE_SIZE) return true;
      counts.set(label, count);
    }
  }
  return false;
}
