// Rules that do nothing, for what ESLint itself charges per enabled rule: the `noop`
// configuration of bench/configs.mjs and bench/rule-cost-run.mjs.

/**
 * A config entry that registers `count` such rules as plugin `noop` and turns them all on; the
 * first `withProgram` return an empty `Program` listener, the others no listener at all.
 */
export function noopConfig(count, withProgram) {
  const rules = {};
  for (let i = 0; i < count; i++) {
    const listeners = i < withProgram ? () => ({ Program() {} }) : () => ({});
    rules[`r${i}`] = { meta: { type: 'problem', schema: [] }, create: listeners };
  }
  return { plugins: { noop: { rules } }, rules: Object.fromEntries(Object.keys(rules).map((id) => [`noop/${id}`, 'error'])) };
}
