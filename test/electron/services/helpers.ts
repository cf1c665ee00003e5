// A core on a temporary file database with a movable clock and cheap scrypt, plus ready-made
// sessions for a supervisor and two surveyors.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { User } from '../../../shared/contract';
import { ServiceError } from '../../../shared/contract/errors';
import type { CallContext } from '../../../electron/ipc/types';
import { createCore, installSurvey, type Core, type CoreOptions } from '../../../electron/services';
import { interviewForm } from '../../fixtures/forms/interviewForm';

/** Cheap enough for many sign-ins per test; production uses DEFAULT_SCRYPT_PARAMS. */
export const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

export interface TestClock {
  now: Date;
  advance(ms: number): void;
  clock: () => Date;
}

export function testClock(start = '2025-07-01T08:00:00.000Z'): TestClock {
  const c: TestClock = {
    now: new Date(start),
    advance(ms) {
      c.now = new Date(c.now.getTime() + ms);
    },
    clock: () => new Date(c.now.getTime()),
  };
  return c;
}

export function session(user: User | null = null): CallContext {
  return { session: { user } };
}

const dirs: string[] = [];

export function makeCore(opts: Partial<CoreOptions> = {}): Core & { dbPath: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'khaosat-svc-'));
  dirs.push(dir);
  const dbPath = opts.dbPath ?? join(dir, 'khaosat.sqlite');
  const core = createCore({ scryptParams: FAST_SCRYPT, ...opts, dbPath });
  return Object.assign(core, { dbPath, dir });
}

export function cleanup(cores: Core[]): void {
  for (const c of cores.splice(0)) c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export interface Staff {
  supervisor: User;
  surveyorA: User;
  surveyorB: User;
}

/** First-run setup, two surveyors, and the `hids` survey with form version v1 (test/fixtures/forms/interviewForm.ts). */
/** A core on a test clock with its staff, registered in `cores` for `cleanup`. */
export async function staffedCore(cores: Core[]): Promise<{ time: TestClock; core: Core & { dbPath: string; dir: string }; staff: Staff }> {
  const time = testClock();
  const core = makeCore({ clock: time.clock });
  cores.push(core);
  return { time, core, staff: await setUpStaff(core, time.clock) };
}

export async function setUpStaff(core: Core, clock: () => Date = () => new Date()): Promise<Staff> {
  const admin = session();
  const supervisor = await core.handlers['setup:createFirstSupervisor'](
    { code: 'GS01', name: 'Nguyễn Văn Giám Sát', secret: '24681357' },
    admin,
  );
  const surveyorA = await core.handlers['user:create'](
    { code: 'DTV01', name: 'Trần Thị An', role: 'surveyor', secret: '1358' },
    admin,
  );
  const surveyorB = await core.handlers['user:create'](
    { code: 'DTV02', name: 'Lê Văn Bình', role: 'surveyor', secret: 'mat-khau-binh' },
    admin,
  );
  installSurvey(core.db, { id: 'hids', title: 'Khảo sát hài lòng HIDS', formVersion: 'v1', definition: interviewForm('v1'), installedAt: clock() });
  return { supervisor, surveyorA, surveyorB };
}

/** The ServiceError `fn` throws; fails the test when it succeeds or throws anything else. */
export async function refusal(fn: () => unknown): Promise<ServiceError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ServiceError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}
