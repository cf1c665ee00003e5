// What every service gets: the connection, its repositories, this device's id and the clock.
import type { Repositories } from '../db/repositories';
import type { Database } from '../db/types';
import type { ScryptParams, SecretHasher } from './secrets';

export interface ServiceContext {
  db: Database;
  repos: Repositories;
  deviceId: string;
  /** Injectable so tests can move time (lockouts) without waiting. */
  clock: () => Date;
  scryptParams: ScryptParams;
  /** scrypt hashing and verification (tests wrap it to count derivations). */
  hasher: SecretHasher;
  /** Called after each committed write on the save path (queues a deferred WAL checkpoint). */
  afterCommit: () => void;
}

export function nowIso(ctx: Pick<ServiceContext, 'clock'>): string {
  return ctx.clock().toISOString();
}
