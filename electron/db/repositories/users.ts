// Users registered on this laptop, with their scrypt-hashed secret and lockout counters.
import type { Role } from '../../../shared/contract/roles';
import type { Database } from '../types';

export interface UserRow {
  id: number;
  code: string;
  name: string;
  role: Role;
  secret_hash: Buffer;
  secret_salt: Buffer;
  scrypt_n: number;
  scrypt_r: number;
  scrypt_p: number;
  active: 0 | 1;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  created_by: number | null;
}

export interface NewUser {
  code: string;
  name: string;
  role: Role;
  secretHash: Buffer;
  secretSalt: Buffer;
  scryptN: number;
  scryptR: number;
  scryptP: number;
  createdAt: string;
  createdBy: number | null;
}

export function createUsersRepo(db: Database) {
  const byCode = db.prepare<[string], UserRow>('SELECT * FROM users WHERE code = ?');
  const byId = db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?');
  const list = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY code');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  const insert = db.prepare<NewUser>(`
    INSERT INTO users (code, name, role, secret_hash, secret_salt, scrypt_n, scrypt_r, scrypt_p,
                       active, failed_attempts, created_at, created_by)
    VALUES (@code, @name, @role, @secretHash, @secretSalt, @scryptN, @scryptR, @scryptP,
            1, 0, @createdAt, @createdBy)`);
  const setAttempts = db.prepare<[number, string | null, number]>(
    'UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?',
  );
  const setActive = db.prepare<[number, number]>('UPDATE users SET active = ? WHERE id = ?');
  const setSecret = db.prepare<[Buffer, Buffer, number, number, number, number]>(
    'UPDATE users SET secret_hash = ?, secret_salt = ?, scrypt_n = ?, scrypt_r = ?, scrypt_p = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?',
  );
  const activeSupervisors = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM users WHERE role = 'supervisor' AND active = 1",
  );

  return {
    findByCode: (code: string): UserRow | undefined => byCode.get(code),
    findById: (id: number): UserRow | undefined => byId.get(id),
    list: (): UserRow[] => list.all(),
    count: (): number => count.get()?.n ?? 0,
    insert: (user: NewUser): number => Number(insert.run(user).lastInsertRowid),
    setFailedAttempts: (id: number, failedAttempts: number, lockedUntil: string | null): void => {
      setAttempts.run(failedAttempts, lockedUntil, id);
    },
    setActive: (id: number, active: boolean): void => {
      setActive.run(active ? 1 : 0, id);
    },
    /** A new secret with the cost it was hashed at; clears the failure count and any lock. */
    setSecret: (id: number, s: { hash: Buffer; salt: Buffer; N: number; r: number; p: number }): void => {
      setSecret.run(s.hash, s.salt, s.N, s.r, s.p, id);
    },
    countActiveSupervisors: (): number => activeSupervisors.get()?.n ?? 0,
  };
}
