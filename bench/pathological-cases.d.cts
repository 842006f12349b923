/** Pathological source texts by description (see pathological-cases.cjs). */
export declare const CASES: Record<string, string>;
