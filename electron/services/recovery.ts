// When the database is missing or empty beside earlier data, createCore refuses
// (database_missing) and there is no core to answer the window. openCoreOrRecovery then answers
// with a small recovery handler set that needs no database: `recovery:status` lists the backups,
// `recovery:restore` puts a verified one in place and opens the real core, and every other
// operation answers database_missing. The same guard stands in front of both.
import { OPERATION_NAMES, type OperationName } from '../../shared/contract';
import { ServiceError } from '../../shared/contract/errors';
import { backupsDirFor } from '../db/history';
import { hasDatabaseContent } from '../db/open';
import { describeBackups, restoreBackup, type RestoreOptions } from '../db/restore';
import type { CallContext, Handlers } from '../ipc/types';
import type { Core, CoreOptions } from './index';

export type CoreLike = Pick<Core, 'handlers' | 'currentUser' | 'close'>;

export interface HostedCore<C extends CoreLike = CoreLike> extends CoreLike {
  /** 'recovery' while the database is lost and not yet restored. */
  mode(): 'core' | 'recovery';
  /** The real core once its database is open; null during recovery. */
  current(): C | null;
}

type AnyHandler = (req: unknown, ctx: CallContext) => unknown;

function recoveryHandlers(options: CoreOptions, onRestored: () => void): Handlers {
  const restoreOptions: RestoreOptions = {
    backupsDir: options.backups?.dir ?? backupsDirFor(options.dbPath),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.clock ? { now: options.clock } : {}),
  };
  const handlers: Record<string, AnyHandler> = {};
  for (const name of OPERATION_NAMES) {
    handlers[name] = () => {
      throw new ServiceError('database_missing');
    };
  }
  handlers['recovery:status'] = () => {
    // Restored meanwhile by someone else (`khaosat backup restore` while the window waited):
    // open it now instead of offering a restore that would be refused.
    if (hasDatabaseContent(options.dbPath)) {
      try {
        onRestored();
        return { needed: false, reason: null, backups: [] };
      } catch {
        // Still not usable: keep offering the backups.
      }
    }
    return recoveryStatus();
  };
  const recoveryStatus = () => ({
    needed: true,
    reason: 'database_missing',
    backups: describeBackups(options.dbPath, restoreOptions).map((b) => ({
      name: b.name,
      takenAt: b.takenAt,
      sizeBytes: b.sizeBytes,
      usable: b.usable,
      problem: b.problem === null ? null : b.problem.slice(0, 300),
    })),
  });
  handlers['recovery:restore'] = (req) => {
    const { name } = req as { name: string };
    const result = restoreBackup(options.dbPath, name, restoreOptions);
    onRestored();
    return { restored: result.restored, takenAt: result.takenAt };
  };
  return handlers as unknown as Handlers;
}

/**
 * Creates the core, or, when its database is lost (database_missing), the recovery handlers
 * until a restore succeeds; then the real core is opened and answers from the next call on.
 * Any other refusal (damaged, too new, read-only…) is thrown as before.
 */
export function openCoreOrRecovery<C extends CoreLike>(create: (options: CoreOptions) => C, options: CoreOptions): HostedCore<C> {
  let core: C | null = null;
  let recovery: Handlers | null = null;
  try {
    core = create(options);
  } catch (err) {
    if (!(err instanceof ServiceError && err.code === 'database_missing')) throw err;
    recovery = recoveryHandlers(options, () => {
      // Opening the restored file runs the full check again; if it fails, the error reaches the
      // caller and the recovery screen stays.
      core = create(options);
      recovery = null;
    });
  }
  const handlers: Record<string, AnyHandler> = {};
  for (const name of OPERATION_NAMES) {
    handlers[name] = (req, ctx) => {
      const active = (core?.handlers ?? recovery) as Record<OperationName, AnyHandler>;
      return active[name](req, ctx);
    };
  }
  return {
    handlers: handlers as unknown as Handlers,
    currentUser: (userId) => (core ? core.currentUser(userId) : null),
    close: () => core?.close(),
    mode: () => (core ? 'core' : 'recovery'),
    current: () => core,
  };
}
