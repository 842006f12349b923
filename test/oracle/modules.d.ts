// Client libraries the oracle drives that ship no types (no @types package is installed for
// test-only use): the drivers call a handful of documented functions on them.
declare module 'pg';
declare module 'mysql';
declare module 'mssql';
declare module 'ldapjs';
declare module 'ws';
