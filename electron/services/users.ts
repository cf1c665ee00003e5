// Users and sessions: first-run setup, supervisors registering and managing users, sign-in with
// lockout. A failed sign-in never tells whether the user code exists: known and unknown codes
// cost the same scrypt work, count down the same tries and lock for the same time.
import { ServiceError } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/roles';
import type { ManagedUser, User } from '../../shared/contract/schemas';
import { LOCKOUT_MS, LOCKOUT_SECONDS, MAX_FAILED_ATTEMPTS } from '../../shared/users/lockout';
import type { UserRow } from '../db/repositories/users';
import { assertActorStillAllowed } from './actor';
import { nowIso, type ServiceContext } from './context';
import { assertAcceptableSecret, type HashedSecret } from './secrets';
import { createUnknownCodeCounter } from './unknown-codes';

export { LOCKOUT_MS, MAX_FAILED_ATTEMPTS };

export function toUser(row: UserRow): User {
  return { id: row.id, code: row.code, name: row.name, role: row.role, active: row.active === 1 };
}

function lockedUntil(row: UserRow, now: Date): string | null {
  return row.locked_until !== null && Date.parse(row.locked_until) > now.getTime() ? row.locked_until : null;
}

export function toManagedUser(row: UserRow, now: Date): ManagedUser {
  return { ...toUser(row), lockedUntil: lockedUntil(row, now) };
}

function storedSecret(row: UserRow): HashedSecret {
  return { hash: row.secret_hash, salt: row.secret_salt, params: { N: row.scrypt_n, r: row.scrypt_r, p: row.scrypt_p } };
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Seconds left on a lock, at least 1 (a lock shown as "0 seconds" would look lifted). */
function secondsUntil(untilMs: number, now: Date): number {
  return Math.min(LOCKOUT_SECONDS, Math.max(1, Math.ceil((untilMs - now.getTime()) / 1000)));
}

/** What a sign-in attempt ended as, decided inside its transaction and thrown after it commits. */
type Refusal = ServiceError;

function lockedOut(untilMs: number, now: Date): Refusal {
  return new ServiceError('locked_out', undefined, { retryAfterSeconds: secondsUntil(untilMs, now) });
}

function wrongSecret(failures: number): Refusal {
  return new ServiceError('invalid_credentials', undefined, { remainingAttempts: MAX_FAILED_ATTEMPTS - failures });
}

export function createUserService(ctx: ServiceContext) {
  const { db, repos } = ctx;
  const unknownCodes = createUnknownCodeCounter();

  function targetRow(userId: number): UserRow {
    const row = repos.users.findById(userId);
    if (!row) throw new ServiceError('not_found', `user ${userId}`);
    return row;
  }

  async function insertUser(
    input: { code: string; name: string; role: Role; secret: string },
    createdBy: number | null,
    precondition: () => void,
    /** Who the audit log names: the creator, the new user (first run), or the CLI operator (nobody). */
    auditAs: 'creator' | 'self' | 'operator',
  ): Promise<User> {
    assertAcceptableSecret(input.secret, input.role);
    precondition();
    if (repos.users.findByCode(input.code)) throw new ServiceError('duplicate_code');
    const hashed = await ctx.hasher.hash(input.secret, ctx.scryptParams);
    try {
      return db.transaction(() => {
        // Checked again inside the write transaction: hashing yielded, another call may have won,
        // or the supervisor making this call may have been deactivated meanwhile.
        precondition();
        const at = nowIso(ctx);
        const id = repos.users.insert({
          code: input.code,
          // NFC, so "Nguyễn" typed with combining marks and precomposed is one name, sorted and matched alike.
          name: input.name.normalize('NFC').trim(),
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

  /** A supervisor's change to another user, in one IMMEDIATE transaction with its audit entry. */
  function manage(actor: User, userId: number, change: (target: UserRow, at: string) => string): ManagedUser {
    return db.transaction(() => {
      assertActorStillAllowed(repos, actor, ['supervisor']);
      const target = targetRow(userId);
      const at = nowIso(ctx);
      const action = change(target, at);
      repos.audit.append({ at, userId: actor.id, action, entity: 'user', entityId: target.id, detail: { code: target.code } });
      return toManagedUser(targetRow(userId), ctx.clock());
    }).immediate();
  }

  /** The failure of a known code: counts, locks at the limit, audits; returns what to throw. */
  const knownFailure = db.transaction((userId: number, code: string, secretOk: boolean): Refusal | null => {
    const now = ctx.clock();
    const row = repos.users.findById(userId);
    if (!row) return wrongSecret(1);
    const until = lockedUntil(row, now);
    if (until) {
      repos.audit.append({ at: now.toISOString(), userId, action: 'sign_in_locked_out', entity: 'user', entityId: userId, detail: { code } });
      return lockedOut(Date.parse(until), now);
    }
    if (!secretOk) {
      const failures = row.failed_attempts + 1;
      repos.audit.append({ at: now.toISOString(), userId, action: 'sign_in_failed', entity: 'user', entityId: userId, detail: { code } });
      if (failures >= MAX_FAILED_ATTEMPTS) {
        // Counter restarts: after the lock expires, another full run of failures is needed.
        const untilMs = now.getTime() + LOCKOUT_MS;
        repos.users.setFailedAttempts(userId, 0, new Date(untilMs).toISOString());
        repos.audit.append({ at: now.toISOString(), userId, action: 'user_locked', entity: 'user', entityId: userId });
        return lockedOut(untilMs, now);
      }
      repos.users.setFailedAttempts(userId, failures, row.locked_until);
      return wrongSecret(failures);
    }
    if (row.active !== 1) {
      repos.audit.append({ at: now.toISOString(), userId, action: 'sign_in_inactive', entity: 'user', entityId: userId, detail: { code } });
      return new ServiceError('user_inactive');
    }
    repos.users.setFailedAttempts(userId, 0, null);
    repos.audit.append({ at: now.toISOString(), userId, action: 'sign_in', entity: 'user', entityId: userId });
    return null;
  });

  /** The failure of an unknown code: the same counting and answers, kept in memory (see unknown-codes.ts). */
  function unknownFailure(code: string): Refusal {
    const now = ctx.clock();
    const outcome = unknownCodes.fail(code, now.getTime());
    const action = outcome.kind === 'locked' ? 'sign_in_locked_out' : 'sign_in_failed';
    db.transaction(() => {
      repos.audit.append({ at: now.toISOString(), userId: null, action, entity: 'user', entityId: null, detail: { code } });
    }).immediate();
    if (outcome.kind === 'locked' || outcome.kind === 'now_locked') return lockedOut(outcome.untilMs, now);
    return wrongSecret(outcome.failures);
  }

  return {
    needsSetup: (): boolean => repos.users.count() === 0,

    /** First run only: the first supervisor, who then registers everyone else. */
    createFirstSupervisor: (input: { code: string; name: string; secret: string }): Promise<User> =>
      insertUser({ ...input, role: 'supervisor' }, null, () => {
        if (repos.users.count() > 0) throw new ServiceError('setup_done');
      }, 'self'),

    createUser: (actor: User, input: { code: string; name: string; role: Role; secret: string }): Promise<User> =>
      insertUser(input, actor.id, () => void assertActorStillAllowed(repos, actor, ['supervisor']), 'creator'),

    /**
     * The command line registering a user (preparing laptops in bulk): whoever runs it can
     * already write the database file, so there is no signed-in actor; the audit says "operator".
     * While the laptop has no active supervisor only a supervisor may be added: otherwise nobody
     * could ever manage its users from the app.
     */
    createUserByOperator: (input: { code: string; name: string; role: Role; secret: string }): Promise<User> =>
      insertUser(input, null, () => {
        if (input.role !== 'supervisor' && repos.users.countActiveSupervisors() === 0) {
          throw new ServiceError('first_user_not_supervisor', `--role ${input.role}`);
        }
      }, 'operator'),

    list: (): ManagedUser[] => {
      const now = ctx.clock();
      return repos.users.list().map((row) => toManagedUser(row, now));
    },

    /** The user as stored now, or null when there is no such row (the guard re-checks sessions with it). */
    current: (id: number): User | null => {
      const row = repos.users.findById(id);
      return row ? toUser(row) : null;
    },

    unlock: (actor: User, userId: number): ManagedUser =>
      manage(actor, userId, (target) => {
        repos.users.setFailedAttempts(target.id, 0, null);
        return 'user_unlocked';
      }),

    setActive: (actor: User, userId: number, active: boolean): ManagedUser =>
      manage(actor, userId, (target) => {
        // Only an active supervisor acts (checked in this transaction), so refusing to deactivate
        // oneself is what keeps at least one active supervisor on the laptop: two supervisors
        // deactivating each other at once are serialised, and the second finds itself inactive.
        if (!active && target.id === actor.id) throw new ServiceError('cannot_deactivate_self');
        repos.users.setActive(target.id, active);
        return active ? 'user_reactivated' : 'user_deactivated';
      }),

    /** A new PIN/password chosen by a supervisor (the user forgot theirs); lifts any lock. */
    async resetSecret(actor: User, userId: number, secret: string): Promise<ManagedUser> {
      assertAcceptableSecret(secret, targetRow(userId).role);
      const hashed = await ctx.hasher.hash(secret, ctx.scryptParams);
      return manage(actor, userId, (target) => {
        // The role is read again here: the rule depends on it.
        assertAcceptableSecret(secret, target.role);
        repos.users.setSecret(target.id, { hash: hashed.hash, salt: hashed.salt, ...hashed.params });
        return 'user_secret_reset';
      });
    },

    async signIn(input: { code: string; secret: string }): Promise<User> {
      const row = repos.users.findByCode(input.code);
      if (!row) {
        // Spend one scrypt derivation, as a known code would, so timing does not reveal the code is unknown.
        await ctx.hasher.hash(input.secret, ctx.scryptParams);
        throw unknownFailure(input.code);
      }
      const ok = await ctx.hasher.verify(input.secret, storedSecret(row));
      // Decided on the row as it is after scrypt ran: the counters may have moved meanwhile.
      const refusal = knownFailure.immediate(row.id, input.code, ok);
      if (refusal) throw refusal;
      const fresh = repos.users.findById(row.id) ?? row;
      return toUser(fresh);
    },

    signOut(actor: User | null): void {
      if (!actor) return;
      repos.audit.append({ at: nowIso(ctx), userId: actor.id, action: 'sign_out', entity: 'user', entityId: actor.id });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
