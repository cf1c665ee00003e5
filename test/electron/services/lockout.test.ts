// Sign-in failures: tries left and lock length in the answer, unknown codes indistinguishable
// from known ones, one scrypt derivation either way, and a failed sign-in ending any session.
import { afterEach, describe, expect, it } from 'vitest';
import { contractError, ServiceError, type ContractError } from '../../../shared/contract/errors';
import { LOCKOUT_MS, LOCKOUT_SECONDS, MAX_FAILED_ATTEMPTS } from '../../../shared/users/lockout';
import { hashSecret, verifySecret, type SecretHasher } from '../../../electron/services/secrets';
import { createUnknownCodeCounter } from '../../../electron/services/unknown-codes';
import type { Core } from '../../../electron/services';
import { cleanup, makeCore, session, setUpStaff, staffedCore } from './helpers';

const cores: Core[] = [];
afterEach(() => cleanup(cores));

/** The error a sign-in answers, as the guard would send it. */
async function refusal(core: Core, code: string, secret: string, ctx = session()): Promise<ContractError> {
  try {
    await core.handlers['session:signIn']({ code, secret }, ctx);
  } catch (err) {
    if (err instanceof ServiceError) return contractError(err.code, err.extra);
    throw err;
  }
  throw new Error(`sign-in as ${code} succeeded`);
}

async function setUp() {
  const { time, core, staff } = await staffedCore(cores);
  return { core, time, staff };
}

describe('sign-in failures', () => {
  it('say how many tries remain and, at the limit, how long the lock lasts', async () => {
    const { core, time } = await setUp();
    const seen: (number | undefined)[] = [];
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      const e = await refusal(core, 'DTV01', '9998');
      expect(e.code).toBe('invalid_credentials');
      seen.push(e.remainingAttempts);
    }
    expect(seen).toEqual([4, 3, 2, 1]);
    const first = await refusal(core, 'DTV01', '9998');
    expect(first).toMatchObject({ code: 'locked_out', retryAfterSeconds: LOCKOUT_SECONDS });
    expect(first.message).toContain('Thử lại sau 5 phút');
    expect(first.messageEn).toContain('Try again in 5 minutes');
    time.advance(LOCKOUT_MS - 30_000);
    const later = await refusal(core, 'DTV01', '1358');
    expect(later).toMatchObject({ code: 'locked_out', retryAfterSeconds: 30 });
    expect(later.messageEn).toContain('Try again in 30 seconds');
  });

  it('the wrong-secret message names the tries left and the lock length in both languages', async () => {
    const { core } = await setUp();
    const e = await refusal(core, 'DTV01', '9998');
    expect(e.message).toBe('Mã người dùng hoặc mã PIN/mật khẩu không đúng. Còn 4 lần thử trước khi bị khóa đăng nhập 5 phút.');
    expect(e.messageEn).toBe('Wrong user code or PIN/password. 4 tries left before sign-in is locked for 5 minutes.');
  });

  it('an unknown code answers exactly like a known one with a wrong secret: countdown, lock, wait, unlock', async () => {
    const { core, time } = await setUp();
    const known: ContractError[] = [];
    const unknown: ContractError[] = [];
    for (let i = 0; i < MAX_FAILED_ATTEMPTS + 2; i++) {
      known.push(await refusal(core, 'DTV01', '9998'));
      unknown.push(await refusal(core, i % 2 ? 'NOBODY' : 'nobody', '9998'));
      time.advance(1000);
    }
    expect(unknown).toEqual(known);
    expect(unknown.at(-1)).toMatchObject({ code: 'locked_out' });
    time.advance(LOCKOUT_MS);
    expect(await refusal(core, 'NOBODY', '9998')).toEqual(await refusal(core, 'DTV01', '9998'));
    expect((await refusal(core, 'NOBODY', '9998')).remainingAttempts).toBe(3);
  });

  it('an unknown code spends one scrypt derivation, like a known one (counted, not timed)', async () => {
    let derivations = 0;
    const counting: SecretHasher = {
      hash: (secret, params) => ((derivations += 1), hashSecret(secret, params)),
      verify: (secret, stored) => ((derivations += 1), verifySecret(secret, stored)),
    };
    const core = makeCore({ hasher: counting });
    cores.push(core);
    await setUpStaff(core);
    derivations = 0;
    await refusal(core, 'NOBODY', '9998');
    expect(derivations).toBe(1);
    derivations = 0;
    await refusal(core, 'DTV01', '9998');
    expect(derivations).toBe(1);
    // Locked codes too: the answer comes after the same work.
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await refusal(core, 'GHOST', '9998');
    derivations = 0;
    expect((await refusal(core, 'GHOST', '9998')).code).toBe('locked_out');
    expect(derivations).toBe(1);
  });

  it('a failed sign-in signs out whoever was signed in', async () => {
    const { core, staff } = await setUp();
    const ctx = session(staff.supervisor);
    await refusal(core, 'DTV01', '9998', ctx);
    expect(ctx.session.user).toBeNull();
    const other = session(staff.supervisor);
    await refusal(core, 'NOBODY', '9998', other);
    expect(other.session.user).toBeNull();
  });
});

describe('unknown-code counter', () => {
  it('keeps at most its bound of codes, forgetting the least recently tried first', () => {
    const counter = createUnknownCodeCounter(3);
    for (const c of ['a', 'b', 'c']) counter.fail(c, 0);
    counter.fail('a', 0);
    counter.fail('d', 0);
    expect(counter.size()).toBe(3);
    expect(counter.fail('a', 0)).toEqual({ kind: 'failed', failures: 3 });
    expect(counter.fail('b', 0)).toEqual({ kind: 'failed', failures: 1 });
  });
});
