// Users and sessions: first-run setup, supervisors registering users, sign-in with lockout.
// A failed sign-in never tells whether the user code exists.
import { ServiceError } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/roles';
import type { User } from '../../shared/contract/schemas';
import type { UserRow } from '../db/repositories/users';
import { nowIso, type ServiceContext } from './context';
import { assertStrongSecret, hashSecret, verifySecret, type HashedSecret } from './secrets';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;

export function toUser(row: UserRow): User {
  return { id: row.id, code: row.code, name: row.name, role: row.role, active: row.active === 1 };
}

function storedSecret(row: UserRow): HashedSecret {
  return { hash: row.secret_hash, salt: row.secret_salt, params: { N: row.scrypt_n, r: row.scrypt_r, p: row.scrypt_p } };
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function createUserService(ctx: ServiceContext) {
  const { db, repos } = ctx;

  async function insertUser(
    input: { code: string; name: string; role: Role; secret: string },
    createdBy: number | null,
    precondition: () => void,
    /** Who the audit log names: the creator, the new user (first run), or the CLI operator (nobody). */
    auditAs: 'creator' | 'self' | 'operator',
  ): Promise<User> {
    assertStrongSecret(input.secret);
    precondition();
    if (repos.users.findByCode(input.code)) throw new ServiceError('duplicate_code');
    const hashed = await hashSecret(input.secret, ctx.scryptParams);
    try {
      return db.transaction(() => {
        // Checked again inside the write transaction: hashing yielded, another call may have won.
        precondition();
        const at = nowIso(ctx);
        const id = repos.users.insert({
          code: input.code,
          name: input.name.trim(),
          role: input.role,
          secretHash: hashed.hash,
          secretSalt: hashed.salt,
          scryptN: hashed.params.N,
          scryptR: hashed.params.r,
          scryptP: hashed.params.p,
          createdAt: at,
          createdBy,
        });
        repos.audit.append({
          at,
          userId: auditAs === 'creator' ? createdBy : auditAs === 'self' ? id : null,
          action: 'user_created',
          entity: 'user',
          entityId: id,
          detail: { code: input.code, role: input.role, ...(auditAs === 'operator' ? { by: 'operator' } : {}) },
        });
        const row = repos.users.findById(id);
        if (!row) throw new Error('user row missing right after insert');
        return toUser(row);
      }).immediate();
    } catch (err) {
      if (isUniqueViolation(err)) throw new ServiceError('duplicate_code');
      throw err;
    }
  }

  function recordFailure(code: string, userId: number | null, action: string, lockUser: boolean): void {
    db.transaction(() => {
      const at = ctx.clock();
      if (userId !== null && lockUser) {
        const row = repos.users.findById(userId);
        if (row) {
          const failures = row.failed_attempts + 1;
          if (failures >= MAX_FAILED_ATTEMPTS) {
            // Counter restarts: after the lock expires, another full run of failures is needed.
            repos.users.setFailedAttempts(userId, 0, new Date(at.getTime() + LOCKOUT_MS).toISOString());
            repos.audit.append({ at: at.toISOString(), userId, action: 'user_locked', entity: 'user', entityId: userId });
          } else {
            repos.users.setFailedAttempts(userId, failures, row.locked_until);
          }
        }
      }
      repos.audit.append({ at: at.toISOString(), userId, action, entity: 'user', entityId: userId, detail: { code } });
    }).immediate();
  }

  return {
    needsSetup: (): boolean => repos.users.count() === 0,

    /** First run only: the first supervisor, who then registers everyone else. */
    createFirstSupervisor: (input: { code: string; name: string; secret: string }): Promise<User> =>
      insertUser({ ...input, role: 'supervisor' }, null, () => {
        if (repos.users.count() > 0) throw new ServiceError('setup_done');
      }, 'self'),

    createUser: (actor: User, input: { code: string; name: string; role: Role; secret: string }): Promise<User> =>
      insertUser(input, actor.id, () => {}, 'creator'),

    /**
     * The command line registering a user (preparing laptops in bulk): whoever runs it can
     * already write the database file, so there is no signed-in actor; the audit says "operator".
     */
    createUserByOperator: (input: { code: string; name: string; role: Role; secret: string }): Promise<User> =>
      insertUser(input, null, () => {}, 'operator'),

    list: (): User[] => repos.users.list().map(toUser),

    /** The user as stored now, or null when there is no such row (the guard re-checks sessions with it). */
    current: (id: number): User | null => {
      const row = repos.users.findById(id);
      return row ? toUser(row) : null;
    },

    async signIn(input: { code: string; secret: string }): Promise<User> {
      const row = repos.users.findByCode(input.code);
      if (!row) {
        // Spend one scrypt derivation, as a known code would, so timing does not reveal the code is unknown.
        await hashSecret(input.secret, ctx.scryptParams);
        recordFailure(input.code, null, 'sign_in_failed', false);
        throw new ServiceError('invalid_credentials');
      }
      const ok = await verifySecret(input.secret, storedSecret(row));
      // Re-read: the counters may have moved while scrypt ran.
      const fresh = repos.users.findById(row.id) ?? row;
      const now = ctx.clock();
      if (fresh.locked_until !== null && Date.parse(fresh.locked_until) > now.getTime()) {
        recordFailure(input.code, row.id, 'sign_in_locked_out', false);
        throw new ServiceError('locked_out');
      }
      if (!ok) {
        recordFailure(input.code, row.id, 'sign_in_failed', true);
        throw new ServiceError('invalid_credentials');
      }
      if (fresh.active !== 1) {
        recordFailure(input.code, row.id, 'sign_in_inactive', false);
        throw new ServiceError('user_inactive');
      }
      db.transaction(() => {
        repos.users.setFailedAttempts(row.id, 0, null);
        repos.audit.append({ at: now.toISOString(), userId: row.id, action: 'sign_in', entity: 'user', entityId: row.id });
      }).immediate();
      return toUser(fresh);
    },

    signOut(actor: User | null): void {
      if (!actor) return;
      repos.audit.append({ at: nowIso(ctx), userId: actor.id, action: 'sign_out', entity: 'user', entityId: actor.id });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
