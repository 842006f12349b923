/**
 * Default and superuser accounts per server (reference/clients.md §27), lower-case. Each fact is
 * written once here; every client of that server, and every ORM that can reach it, uses it.
 */
export const POSTGRES_ACCOUNTS = ['postgres', 'rdsadmin', 'cloudsqlsuperuser', 'azure_superuser', 'supabase_admin'];
export const MYSQL_ACCOUNTS = ['root', 'admin', 'mysql.sys', 'debian-sys-maint'];
export const SQLSERVER_ACCOUNTS = ['sa'];
/** No built-in user; `root`/`admin` by convention in the `admin` database. */
export const MONGODB_ACCOUNTS = ['root', 'admin'];
/** The ACL `default` user (legacy `requirepass` is its password). */
export const REDIS_ACCOUNTS = ['default'];
export const LDAP_ACCOUNTS = ['admin', 'administrator', 'directory manager'];
/**
 * None: MinIO's root user `minioadmin` is a default credential pair rather than an account one
 * grants to (its secret, `minioadmin` too, is a hard-coded credential), and the conventions'
 * list of privileged accounts does not name it; two labellers left it unlabelled. LocalStack's
 * `test` keys are accepted whatever they are.
 */
export const OBJECT_STORAGE_ACCOUNTS: string[] = [];
/** ORMs and query builders that serve PostgreSQL, MySQL and SQL Server alike. */
export const SQL_ACCOUNTS = [...POSTGRES_ACCOUNTS, ...MYSQL_ACCOUNTS, ...SQLSERVER_ACCOUNTS];
