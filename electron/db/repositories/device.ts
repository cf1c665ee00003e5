// The one row that names this laptop: its UUID for life and when it was first set up.
import type { Database } from '../types';

export interface DeviceRow {
  id: string;
  created_at: string;
}

export function createDeviceRepo(db: Database) {
  const get = db.prepare<[], DeviceRow>('SELECT id, created_at FROM device WHERE singleton = 1');
  const insert = db.prepare<[string, string]>(
    'INSERT INTO device (singleton, id, created_at) VALUES (1, ?, ?) ON CONFLICT (singleton) DO NOTHING',
  );
  return {
    get: (): DeviceRow | undefined => get.get(),
    /** Inserts only if no device row exists yet; the first id ever written wins. */
    insertIfAbsent: (id: string, createdAt: string): void => {
      insert.run(id, createdAt);
    },
  };
}
