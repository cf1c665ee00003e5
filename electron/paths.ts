// Where KhaoSat keeps its data on disk. Mirrors Electron's `app.getPath('userData')` for the
// product name "KhaoSat" so the CLI and the desktop app find the same database.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'KhaoSat';
export const DB_FILE_NAME = 'khaosat.sqlite';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.KHAOSAT_DATA_DIR) return env.KHAOSAT_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return env.KHAOSAT_DB ?? join(defaultDataDir(env, platform), DB_FILE_NAME);
}
