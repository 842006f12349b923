/**
 * JSON configuration files through ESLint's JSON language (@eslint/json, registered by the
 * plugin as `backing-services/json`): sequelize-cli's `config/config.json` and `ormconfig.json`
 * are judged by the same rules as their JavaScript forms; other JSON files are left alone.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index';

function lint(text: string, filename: string, config: 'recommended' | 'all' = 'recommended'): Array<{ rule: string; line: number; message: string }> {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(text, [...plugin.configs[config]] as Linter.Config[], { filename });
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages.map((m) => ({ rule: m.ruleId!.replace('backing-services/', ''), line: m.line, message: m.message }));
}

const SEQUELIZE = `{
  "development": {
    "username": "root",
    "password": "dev-secret",
    "database": "app_dev",
    "host": "127.0.0.1",
    "dialect": "mysql"
  },
  "production": {
    "use_env_variable": "DATABASE_URL",
    "dialect": "postgres",
    "dialectOptions": { "ssl": { "require": true, "rejectUnauthorized": false } }
  }
}
`;

describe('JSON config files', () => {
  it('offers the JSON language and a config block for the tools’ JSON files', () => {
    expect(plugin.languages?.json).toBeDefined();
    const json = plugin.configs.recommended.find((c) => c.name === 'backing-services/recommended/json');
    expect(json).toMatchObject({ language: 'backing-services/json', files: ['**/config/config.json', '**/ormconfig.json'] });
    expect(Object.keys(json!.rules!)).not.toContain('backing-services/no-client-outside-resource-module');
  });

  it('judges a sequelize-cli config.json per environment', () => {
    const found = lint(SEQUELIZE, 'config/config.json').sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
    expect(found).toEqual([
      { rule: 'no-environment-branching', line: 2, message: expect.stringContaining('the `development` entry connects differently') },
      { rule: 'no-privileged-service-account', line: 3, message: expect.stringContaining('privileged account `root`') },
      { rule: 'no-hardcoded-service-credentials', line: 4, message: expect.stringContaining('`password` is a hard-coded secret') },
      { rule: 'no-hardcoded-service-location', line: 6, message: expect.stringContaining('`host` is a hard-coded host') },
      { rule: 'no-unverified-tls', line: 12, message: expect.stringContaining('dialectOptions.ssl.rejectUnauthorized: false') },
    ]);
  });

  it('judges ormconfig.json, an object or a list', () => {
    const found = lint('[{ "type": "postgres", "url": "postgres://app:pw@db.example.com/app", "ssl": false }]', 'ormconfig.json', 'all');
    expect(found.map((f) => f.rule).sort()).toEqual(['no-disabled-tls', 'no-hardcoded-service-credentials', 'no-hardcoded-service-location'].sort());
    expect(found.every((f) => !/pw/.test(f.message))).toBe(true);
  });

  it('leaves other JSON files and other shapes alone, and offers no JavaScript edits', () => {
    expect(lint('{ "name": "app", "dependencies": { "pg": "^8" } }', 'config/config.json')).toEqual([]);
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(SEQUELIZE, [...plugin.configs.all] as Linter.Config[], { filename: 'config/config.json' });
    expect(messages.every((m) => !m.suggestions?.length && !m.fix)).toBe(true);
  });
});
