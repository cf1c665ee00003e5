// The database layer: connection, migrations, backups, and the typed repositories.
export type { Database } from './types';
export { openDatabase, type OpenDatabaseOptions } from './open';
export { backupDatabase, listBackups, scheduleBackups } from './backup';
export { migrate, MIGRATIONS, latestVersion, checkMigrationList, type Migration } from './migrations';
export { sql, joinSql } from './sql';
export { createRepositories, type Repositories } from './repositories';
