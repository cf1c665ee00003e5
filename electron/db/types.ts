// The database handle every repository and service receives: better-sqlite3's synchronous
// connection. Kept as one alias so a later switch (branded read/write handles) touches one file.
import type BetterSqlite3 from 'better-sqlite3';

export type Database = BetterSqlite3.Database;
