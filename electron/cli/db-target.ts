// Which database file a command works on, checked before anything opens it: a folder given as
// --db, a folder that does not exist or a path through a file each get one clear bilingual line
// naming the path, instead of SQLite's "unable to open database file". The default data folder
// is created when a command that writes asks for it (the app would create it on first start).
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DB_FILE_NAME, defaultDbPath } from '../paths';
import { CliError, type CliIo } from './io';

export interface DbTarget {
  path: string;
  /** True when the path came from no --db and no KHAOSAT_DB: the app's own data folder. */
  isDefault: boolean;
}

export function dbTarget(dbOption: string | undefined, io: Pick<CliIo, 'cwd' | 'env'>): DbTarget {
  const explicit = dbOption ?? io.env.KHAOSAT_DB;
  return { path: resolve(io.cwd, explicit ?? defaultDbPath(io.env)), isDefault: explicit === undefined };
}

function kindOf(path: string): 'missing' | 'file' | 'folder' | 'other' {
  if (!existsSync(path)) return 'missing';
  const s = statSync(path);
  return s.isDirectory() ? 'folder' : s.isFile() ? 'file' : 'other';
}

/**
 * Checks that `target` can hold a database: it is a file or nothing, inside an existing folder.
 * With `createDefaultFolder`, the app's default data folder is made when missing.
 */
export function prepareDbTarget(target: DbTarget, opts: { createDefaultFolder: boolean }): string {
  const { path } = target;
  const kind = kindOf(path);
  if (kind === 'folder') {
    throw new CliError(
      `${path} là một thư mục, không phải tệp dữ liệu (ví dụ: --db ${join(path, DB_FILE_NAME)}) / ` +
        `${path} is a folder, not a database file (for example: --db ${join(path, DB_FILE_NAME)})`,
    );
  }
  if (kind === 'other') throw new CliError(`${path} không phải tệp thường / ${path} is not a regular file`);
  const folder = dirname(path);
  const folderKind = kindOf(folder);
  if (folderKind === 'missing') {
    if (target.isDefault && opts.createDefaultFolder) {
      mkdirSync(folder, { recursive: true });
      return path;
    }
    throw new CliError(
      `thư mục ${folder} không tồn tại; hãy tạo nó hoặc chọn --db khác / the folder ${folder} does not exist; create it or choose another --db`,
    );
  }
  if (folderKind !== 'folder') {
    throw new CliError(`${folder} không phải thư mục / ${folder} is not a folder (check the --db path)`);
  }
  return path;
}
