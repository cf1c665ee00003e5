// The acting user as the database has them at this moment. Checked inside each write
// transaction that changes users or interviews: the guard's check before the call is not
// enough when a supervisor is deactivated (or demoted) while the call waits for scrypt or a lock.
import { ServiceError } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/roles';
import type { User } from '../../shared/contract/schemas';
import type { Repositories } from '../db/repositories';
import type { UserRow } from '../db/repositories/users';

/** Call only inside the write transaction whose changes it protects. */
export function assertActorStillAllowed(repos: Repositories, actor: User, roles: readonly Role[]): UserRow {
  const row = repos.users.findById(actor.id);
  // The code must match too: a reused id must not lend another account's rights.
  if (!row || row.code !== actor.code) throw new ServiceError('not_signed_in', `user ${actor.id} is gone`);
  if (row.active !== 1) throw new ServiceError('user_inactive', `user ${actor.code} was deactivated`);
  if (!roles.includes(row.role)) throw new ServiceError('forbidden', `user ${actor.code} is now ${row.role}`);
  return row;
}
