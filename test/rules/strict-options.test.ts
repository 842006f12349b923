/**
 * What `strict` turns on beyond `recommended`, by its effect on code: amqplib's implicit `guest`
 * login (`implicitDefaults`) is reported by `strict` only.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index';

const code = "const amqp = require('amqplib');\nmodule.exports = amqp.connect('amqps://rabbit.example.com');\n";

function privilegedReports(config: 'recommended' | 'strict'): string[] {
  const configs = (plugin.configs as unknown as Record<string, Linter.Config[]>)[config]!;
  const messages = new Linter({ configType: 'flat' }).verify(code, [...configs, { languageOptions: { sourceType: 'commonjs' } }], { filename: 'broker.js' });
  return messages.filter((m) => m.ruleId === 'backing-services/no-privileged-service-account').map((m) => m.messageId ?? '');
}

describe('strict options', () => {
  it('reports an implicit default account under strict only', () => {
    expect(privilegedReports('recommended')).toEqual([]);
    expect(privilegedReports('strict')).toEqual(['implicit']);
  });
});
