/**
 * Catalog claims the oracle contradicts and that are not fixed yet, keyed `driver | setting`,
 * with what was seen. Each stays a failing claim on purpose: the case asserts the
 * disagreement, so a fix (or a library change) fails the suite until the line goes.
 */
export const DISAGREEMENTS: Readonly<Record<string, string>> = {};
