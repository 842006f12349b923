import { describe, it, expect } from 'vitest';
import { HOLE } from '../../src/policy/value';
import { privilegedAccount, GENERIC_PRIVILEGED_ACCOUNTS } from '../../src/policy/accounts';

const PG = ['postgres', 'rdsadmin', 'cloudsqlsuperuser', 'azure_superuser', 'supabase_admin'];
const MYSQL = ['root', 'admin', 'mysql.sys', 'debian-sys-maint'];
const REDIS = ['default'];
const AMQP = ['guest'];
const ELASTIC = ['elastic', 'kibana_system', 'logstash_system'];
const NONE: string[] = [];

describe('privilegedAccount', () => {
  it.each(GENERIC_PRIVILEGED_ACCOUNTS.map((name) => [name]))('generic %s counts for any service', (name) => {
    expect(privilegedAccount(name, NONE)).toBe(name);
    expect(privilegedAccount(name.toUpperCase(), NONE)).toBe(name);
  });

  it.each<[string, readonly string[], string | undefined]>([
    ['postgres', PG, 'postgres'],
    ['Postgres', PG, 'postgres'],
    [' postgres ', PG, 'postgres'],
    ['postgres', NONE, undefined],
    ['postgres', MYSQL, undefined],
    ['rdsadmin', PG, 'rdsadmin'],
    ['supabase_admin', PG, 'supabase_admin'],
    ['root', MYSQL, 'root'],
    ['debian-sys-maint', MYSQL, 'debian-sys-maint'],
    ['mysql.sys', MYSQL, 'mysql.sys'],
    ['default', REDIS, 'default'],
    ['default', PG, undefined],
    ['guest', AMQP, 'guest'],
    ['GUEST', AMQP, 'guest'],
    ['guest', NONE, undefined],
    ['elastic', ELASTIC, 'elastic'],
    ['kibana_system', ELASTIC, 'kibana_system'],
    ['sa', NONE, 'sa'],
    ['SA', NONE, 'sa'],
    // decorations of the same account
    ['postgres@myserver', PG, 'postgres'],
    ['root@localhost', MYSQL, 'root'],
    ['root@127.0.0.1', MYSQL, 'root'],
    ['CORP\\Administrator', NONE, 'administrator'],
    // look-alikes that must stay silent
    ['administrator_app', NONE, undefined],
    ['admin2', NONE, undefined],
    ['app_admin', NONE, undefined],
    ['sa_reporting', NONE, undefined],
    ['rooted', NONE, undefined],
    ['postgres_app', PG, undefined],
    ['app', PG, undefined],
    ['admin@example.com', NONE, undefined],
    ['root@mail.example.com', NONE, undefined],
    ['', NONE, undefined],
    ['   ', NONE, undefined],
    [HOLE, NONE, undefined],
    [`admin${HOLE}`, NONE, undefined],
    ['systemd', NONE, undefined],
    ['manager', NONE, undefined],
  ])('%j with %j', (user, accounts, expected) => {
    expect(privilegedAccount(user, accounts)).toBe(expected);
  });

  it.each<[string, string | undefined]>([
    ['cn=admin,dc=example,dc=org', 'admin'],
    ['CN=Admin,DC=example,DC=org', 'admin'],
    ['cn=admin, dc=example, dc=org', 'admin'],
    ['cn=Manager,dc=my-domain,dc=com', 'manager'],
    ['cn=Manager,o=example', 'manager'],
    ['cn=Directory Manager', 'directory manager'],
    ['cn=Directory  Manager', 'directory manager'],
    ['cn=Administrator,cn=Users,dc=corp,dc=example,dc=com', 'administrator'],
    ['uid=admin,ou=system', 'admin'],
    ['cn=root,dc=example,dc=org', 'root'],
    // not privileged
    ['cn=Manager,ou=people,dc=example,dc=com', undefined],
    ['uid=manager,dc=example,dc=com', undefined],
    ['cn=app-reader,ou=services,dc=example,dc=org', undefined],
    ['cn=admins,ou=groups,dc=example,dc=org', undefined],
    ['cn=john\\, admin,dc=example,dc=org', undefined],
    ['ou=admin,dc=example,dc=org', undefined],
    ['dc=example,dc=org', undefined],
  ])('LDAP DN %j', (dn, expected) => {
    expect(privilegedAccount(dn, NONE)).toBe(expected);
  });

  it('lower-cases the caller list', () => {
    expect(privilegedAccount('postgres', ['Postgres'])).toBe('postgres');
  });
});
