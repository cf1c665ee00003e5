// The composition root of the Node core: opens the database and wires repositories, services and
// contract handlers. The Electron main process, the preview host and the CLI all start here.
import { scheduleBackups } from '../db/backup';
import { openDatabase } from '../db/open';
import { createRepositories } from '../db/repositories';
import type { Database } from '../db/types';
import type { ServiceContext } from './context';
import { createCheckpointer } from './checkpoint';
import { ensureDeviceId } from './device';
import type { Handlers } from '../ipc/types';
import { createHandlers } from './handlers';
import { createInterviewService } from './interviews';
import { DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './secrets';
import { createSurveyService } from './surveys';
import { createUserService } from './users';

export interface CoreOptions {
  dbPath: string;
  /** better-sqlite3 binary built for Electron's ABI; plain Node uses the default. */
  nativeBinding?: string;
  clock?: () => Date;
  appVersion?: string;
  /** Tests may lower the scrypt cost; production keeps the default. */
  scryptParams?: ScryptParams;
  /**
   * Periodic online backups (SQLite backup API) into a second folder while the app runs, so a
   * laptop whose disk file is lost or damaged still has a recent copy. Off unless given.
   */
  backups?: { dir: string; intervalMs: number; keep?: number; onError?: (err: unknown) => void };
}

export interface Services {
  users: ReturnType<typeof createUserService>;
  surveys: ReturnType<typeof createSurveyService>;
  interviews: ReturnType<typeof createInterviewService>;
}

export interface Core {
  db: Database;
  deviceId: string;
  /** Every contract operation (the guard validates and checks roles before calling these). */
  handlers: Handlers;
  services: Services;
  close(): void;
}

export function createCore(opts: CoreOptions): Core {
  const db = openDatabase(opts.dbPath, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    const clock = opts.clock ?? (() => new Date());
    const repos = createRepositories(db);
    const deviceId = ensureDeviceId(repos, clock);
    const checkpointer = createCheckpointer(db);
    const ctx: ServiceContext = {
      db,
      repos,
      deviceId,
      clock,
      scryptParams: opts.scryptParams ?? DEFAULT_SCRYPT_PARAMS,
      afterCommit: () => checkpointer.afterCommit(),
    };
    const services: Services = {
      users: createUserService(ctx),
      surveys: createSurveyService(ctx),
      interviews: createInterviewService(ctx),
    };
    const handlers = createHandlers(services, { version: opts.appVersion ?? '0.0.0-dev', deviceId });
    const stopBackups = opts.backups ? scheduleBackups(db, opts.backups.dir, opts.backups) : () => {};
    let closed = false;
    return {
      db,
      deviceId,
      handlers,
      services,
      close() {
        if (closed) return;
        closed = true;
        stopBackups();
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}

export { installSurvey, type SeedSurvey } from './seed';
export { MAX_FAILED_ATTEMPTS, LOCKOUT_MS } from './users';
export type { ScryptParams } from './secrets';

