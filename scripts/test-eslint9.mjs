// Runs the rule and plugin-loading suites again with ESLint 9 (installed as the `eslint9`
// alias): the harness switches to ESLint 9's own RuleTester when it sees the variable.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['vitest', 'run', 'test/rules', 'test/integration'], {
  stdio: 'inherit',
  env: { ...process.env, BACKING_SERVICES_ESLINT: '9' },
});
process.exit(result.status ?? 1);
