import { describe, expect, it } from 'vitest';
import { testerImplementation } from '../harness/rule-tester';

describe('rule harness', () => {
  it('runs the rule suites on the ESLint major the run asks for', () => {
    const { name, eslintVersion } = testerImplementation();
    const expected = process.env.BACKING_SERVICES_ESLINT === '9' ? ['eslint9', '9'] : ['typescript-eslint', '10'];
    expect([name, eslintVersion.split('.')[0]]).toEqual(expected);
  });
});
