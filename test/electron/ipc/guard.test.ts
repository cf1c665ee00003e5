// The guard is the only way into the services: malformed payloads, wrong roles and foreign
// senders are turned away with typed errors and never reach the database.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contractError,
  ERROR_CODES,
  OPERATION_NAMES,
  ROLES,
  operations,
  type OperationName,
  type RequestOf,
  type Role,
  type User,
} from '../../../shared/contract';
import { interviewForm } from '../../fixtures/forms/interviewForm';
import { createGuard, type Guard } from '../../../electron/ipc/guard';
import { createCore, installSurvey, type Core } from '../../../electron/services';

const APP_URL = 'app://khaosat/index.html';
const RUNS_PER_OPERATION = Number(process.env.KHAOSAT_GUARD_RUNS ?? 1000);

let dir: string;
let core: Core;
let guard: Guard;
let users: Record<Role, User>;
let interviewId: string;

/** A valid request per operation; the Record type makes a new operation without one a compile error. */
let validRequests: { [N in OperationName]: RequestOf<N> };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'khaosat-guard-'));
  core = createCore({ dbPath: join(dir, 'guard.sqlite'), scryptParams: { N: 2 ** 10, r: 8, p: 1 } });
  guard = createGuard({ handlers: core.handlers, currentUser: core.currentUser, isTrustedSender: (url) => url === APP_URL });
  const installed = installSurvey(core.db, { id: 'hids-2026', title: 'HIDS 2026', formVersion: 'v1', definition: interviewForm('v1') });
  const supervisor = await core.services.users.createFirstSupervisor({ code: 'GSV01', name: 'Giám sát', secret: '12395678' });
  const surveyor = await core.services.users.createUser(supervisor, { code: 'DTV01', name: 'Điều tra', role: 'surveyor', secret: '1239' });
  const analyst = await core.services.users.createUser(supervisor, { code: 'PT01', name: 'Phân tích', role: 'analyst', secret: '12395678' });
  users = { supervisor, surveyor, analyst };
  const created = await guard('interview:start', { surveyId: 'hids-2026', unitCode: '26734', consent: true }, { senderUrl: APP_URL, session: { user: surveyor } });
  if (!created.ok) throw new Error(`seed interview: ${created.error.code}`);
  interviewId = (created.value as { id: string }).id;
  validRequests = {
    'app:status': {},
    'setup:createFirstSupervisor': { code: 'GSV99', name: 'Người thứ hai', secret: '48213957' },
    'session:signIn': { code: 'DTV01', secret: '1239' },
    'session:signOut': {},
    'user:create': { code: 'DTV02', name: 'Nguyễn Văn B', role: 'surveyor', secret: '5679' },
    'user:list': {},
    'user:unlock': { userId: surveyor.id },
    'user:setActive': { userId: surveyor.id, active: true },
    'user:resetSecret': { userId: surveyor.id, secret: '1239' },
    'survey:list': {},
    'survey:units': { surveyId: 'hids-2026' },
    'survey:quotas': { surveyId: 'hids-2026' },
    'package:install': { packageBase64: readFileSync(join(__dirname, '../../fixtures/sync/vector.kspkg')).toString('base64') },
    'form:get': { hash: installed.hash },
    'interview:start': { surveyId: 'hids-2026', unitCode: '26734', consent: true, respondentRef: 'HH-01' },
    'interview:saveAnswer': { interviewId, path: 'ACC1', value: '4', missing: null },
    'interview:recordEvents': { interviewId, events: [{ kind: 'shown', path: 'ACC1', at: '2025-07-01T08:00:00.000Z' }] },
    'interview:complete': { interviewId },
    'interview:close': { interviewId, outcome: 'not_at_home', note: 'Không có nhà' },
    'interview:reopen': { interviewId },
    'interview:load': { interviewId },
    'interview:list': { status: 'draft', limit: 10 },
    'review:list': { status: 'completed', limit: 10 },
    'review:get': { interviewId },
    'interview:approve': { interviewId },
    'interview:reject': { interviewId, comment: 'Thiếu câu trả lời về thời gian chờ' },
    'recovery:status': {},
    'recovery:restore': { name: 'khaosat-backup-2025-07-01T08-00-00-000Z-000.sqlite' },
    'batch:export': {},
    'analysis:keys': {},
    'analysis:chooseKeys': {},
    'analysis:import': { choose: 'folder' },
    'analysis:importStatus': { jobId: '6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4' },
    'analysis:conflicts': {},
    'analysis:resolveConflict': { interviewId: '6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4', revision: 1, contentHash: 'a'.repeat(64) },
    'analysis:dashboard': {},
    'analysis:report': { survey: 'hids-2026' },
    'analysis:reportPdf': { survey: 'hids-2026', filters: { sexes: ['2'] } },
    'analysis:export': { format: 'csv' },
  };
});

afterAll(() => {
  core?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Rows changed on this connection since it opened: unchanged means nothing was written. */
function totalChanges(): number {
  return (core.db.prepare('select total_changes() as n').get() as { n: number }).n;
}

function allowedRoles(name: OperationName): Role[] {
  const access = operations[name].access;
  return access === 'public' || access === 'signed_in' ? [...ROLES] : [...access];
}

/** Payloads that cannot be a valid request for `name`, built by breaking a valid one. */
function malformedPayloads(name: OperationName): fc.Arbitrary<unknown> {
  const valid = validRequests[name] as Record<string, unknown>;
  const shape = (operations[name].request as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  const notAnObject = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(fc.anything(), { maxLength: 5 }),
  );
  const extraKey = fc
    .tuple(fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !keys.includes(k)), fc.anything())
    .map(([k, v]) => ({ ...valid, [k]: v }));
  const pollution = fc.constantFrom(
    JSON.parse(`{"__proto__": {"role": "supervisor"}, ${JSON.stringify(valid).slice(1, -1) || '"x": 1'}}`),
    { ...valid, constructor: { prototype: { admin: true } } },
  );
  const arbitraries: fc.Arbitrary<unknown>[] = [notAnObject, extraKey, pollution];
  const required = keys.filter((k) => !shape[k]!.safeParse(undefined).success);
  if (required.length > 0) {
    arbitraries.push(
      fc.constantFrom(...required).map((k) => {
        const copy = { ...valid };
        delete copy[k];
        return copy;
      }),
    );
  }
  if (keys.length > 0) {
    const wrongValue = fc
      .tuple(
        fc.constantFrom(...keys),
        fc.oneof(
          fc.anything(),
          fc.string({ minLength: 10_001, maxLength: 10_050 }),
          fc.constant('x'.repeat(600)),
          fc.constant('../../etc/passwd'),
          fc.constant("'; DROP TABLE answers; --"),
          fc.constant(Number.NaN),
          fc.constant(Infinity),
          fc.array(fc.string(), { minLength: 501, maxLength: 510 }),
        ),
      )
      .filter(([k, v]) => !shape[k]!.safeParse(v).success)
      .map(([k, v]) => ({ ...valid, [k]: v }));
    arbitraries.push(wrongValue);
  }
  return fc.oneof(...arbitraries);
}

describe('guard', () => {
  it('the valid sample requests are valid (so the malformed ones are malformed on purpose)', () => {
    for (const name of OPERATION_NAMES) {
      expect(operations[name].request.safeParse(validRequests[name]).success, name).toBe(true);
    }
  });

  it.each(OPERATION_NAMES)(
    `%s: ${RUNS_PER_OPERATION} malformed payloads are rejected with invalid_request and change nothing`,
    async (name) => {
      const role = allowedRoles(name)[0]!;
      await fc.assert(
        fc.asyncProperty(malformedPayloads(name), async (payload) => {
          const before = totalChanges();
          const result = await guard(name, payload, { senderUrl: APP_URL, session: { user: users[role] } });
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.error.code).toBe('invalid_request');
          expect(result.error.message.length).toBeGreaterThan(0);
          expect(result.error.messageEn.length).toBeGreaterThan(0);
          expect(result.error.issues?.length).toBeGreaterThan(0);
          expect(totalChanges()).toBe(before);
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
    },
  );

  it.each(OPERATION_NAMES)('%s: a call from a foreign sender is refused before anything runs', async (name) => {
    for (const senderUrl of ['https://evil.example/', 'file:///etc/passwd', 'app://khaosat.evil/', '', 'null']) {
      const before = totalChanges();
      const result = await guard(name, validRequests[name], { senderUrl, session: { user: users.supervisor } });
      expect(result).toMatchObject({ ok: false, error: { code: 'foreign_sender' } });
      expect(totalChanges()).toBe(before);
    }
  });

  it.each(OPERATION_NAMES.filter((n) => Array.isArray(operations[n].access)))(
    '%s: roles outside its access list are refused, and so is nobody signed in',
    async (name) => {
      const allowed = allowedRoles(name);
      for (const role of ROLES.filter((r) => !allowed.includes(r))) {
        const before = totalChanges();
        const result = await guard(name, validRequests[name], { senderUrl: APP_URL, session: { user: users[role] } });
        expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(totalChanges()).toBe(before);
      }
      const result = await guard(name, validRequests[name], { senderUrl: APP_URL, session: { user: null } });
      expect(result).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    },
  );

  it('an unknown operation name is refused', async () => {
    for (const name of ['interview:delete', '__proto__', 'constructor', 'toString', '']) {
      const result = await guard(name, {}, { senderUrl: APP_URL, session: { user: users.supervisor } });
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    }
  });

  it('a valid call from the app with an allowed role succeeds and its response never carries secrets', async () => {
    const result = await guard('user:list', {}, { senderUrl: APP_URL, session: { user: users.supervisor } });
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toMatch(/hash|salt|secret/i);
  });

  it('every error code has a Vietnamese and an English sentence, different from each other', () => {
    for (const code of ERROR_CODES) {
      const e = contractError(code);
      for (const text of [e.message, e.messageEn]) {
        // A sentence for a person: starts with a capital, has words, ends with a full stop.
        expect(text, code).toMatch(/^[A-ZĐÀ-Ỹ].* .*\.$/u);
        expect(text.length, code).toBeGreaterThan(12);
      }
      expect(e.message, code).not.toBe(e.messageEn);
      // The Vietnamese text is Vietnamese: it carries the language's diacritics.
      expect(e.message, code).toMatch(/[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/u);
    }
  });

  it('a malformed field is named with its rule in the error message, not "the request is not valid"', async () => {
    const result = await guard('user:create', { code: 'ĐTV 02', name: 'A', role: 'surveyor', secret: '5829' }, { senderUrl: APP_URL, session: { user: users.supervisor } });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_request',
        message: 'Mã người dùng: chỉ chữ không dấu, số, _ . -',
        messageEn: 'User code: only unaccented letters, digits, _ . -',
        issues: [{ path: 'code', message: 'Mã người dùng: chỉ chữ không dấu, số, _ . -' }],
      },
    });
  });

  it('a handler answering outside the contract (a secret hash in a user row) is refused as internal and leaks nothing', async () => {
    const errors: string[] = [];
    const leaky = createGuard({
      handlers: { ...core.handlers, 'user:list': () => [{ ...users.supervisor, lockedUntil: null, secret_hash: 'c2VjcmV0' }] },
      currentUser: core.currentUser,
      isTrustedSender: (url) => url === APP_URL,
      onInternalError: (_op, err) => void errors.push(String(err)),
    });
    const result = await leaky('user:list', {}, { senderUrl: APP_URL, session: { user: users.supervisor } });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('c2VjcmV0');
    expect(errors.join()).toMatch(/response does not match contract/);
  });
});

describe('a session follows the account as the database has it now', () => {
  it('a deactivated user is signed out at their next call and writes nothing', async () => {
    const surveyor = await core.services.users.createUser(users.supervisor, { code: 'DTV50', name: 'Sắp nghỉ', role: 'surveyor', secret: '1239' });
    const session = { user: surveyor };
    const created = await guard('interview:start', { surveyId: 'hids-2026', unitCode: '26734', consent: true }, { senderUrl: APP_URL, session });
    if (!created.ok) throw new Error(created.error.code);
    const id = (created.value as { id: string }).id;

    core.db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(surveyor.id);
    const before = totalChanges();
    const save = await guard('interview:saveAnswer', { interviewId: id, path: 'ACC1', value: '5' }, { senderUrl: APP_URL, session });
    expect(save).toMatchObject({ ok: false, error: { code: 'user_inactive' } });
    expect(totalChanges()).toBe(before);
    expect(session.user).toBeNull();
    const status = await guard('app:status', {}, { senderUrl: APP_URL, session: { user: surveyor } });
    expect(status).toMatchObject({ ok: true, value: { user: null } });
  });

  it('a role taken away is taken away from the open session too', async () => {
    const lead = await core.services.users.createUser(users.supervisor, { code: 'GSV50', name: 'Tổ trưởng', role: 'supervisor', secret: '12395678' });
    const session = { user: lead };
    expect((await guard('user:list', {}, { senderUrl: APP_URL, session })).ok).toBe(true);
    core.db.prepare("UPDATE users SET role = 'surveyor' WHERE id = ?").run(lead.id);
    const before = totalChanges();
    const create = await guard('user:create', { code: 'DTV51', name: 'Không được tạo', role: 'surveyor', secret: '5679' }, { senderUrl: APP_URL, session });
    expect(create).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(totalChanges()).toBe(before);
    expect(session.user).toMatchObject({ id: lead.id, role: 'surveyor' });
  });

  it('a session naming a user that does not exist (or another code under the same id) is not signed in', async () => {
    for (const user of [
      { ...users.supervisor, id: 999_999 },
      { ...users.supervisor, code: 'GSV-OTHER' },
    ]) {
      const session = { user };
      const result = await guard('user:list', {}, { senderUrl: APP_URL, session });
      expect(result).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
      expect(session.user).toBeNull();
    }
  });

  it('a failure while re-reading the user comes back as internal, never as a thrown error', async () => {
    const failing = createGuard({
      handlers: core.handlers,
      isTrustedSender: (url) => url === APP_URL,
      currentUser: () => {
        throw new Error('SQLITE_IOERR: disk I/O error at /secret/path');
      },
      onInternalError: () => {},
    });
    const result = await failing('user:list', {}, { senderUrl: APP_URL, session: { user: users.supervisor } });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'internal' }) });
    expect(JSON.stringify(result)).not.toContain('secret/path');
  });
});

describe('the answer to a malformed payload is bounded', () => {
  it('a request with 50,000 unknown keys is refused with a short answer, not an echo of them all', async () => {
    const payload: Record<string, number> = {};
    for (let i = 0; i < 50_000; i++) payload[`extra_key_${i}`] = i;
    const result = await guard('app:status', payload, { senderUrl: APP_URL, session: { user: null } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(JSON.stringify(result).length).toBeLessThan(20 * 400);
  });
});
