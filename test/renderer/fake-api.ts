// A stand-in for the core behind the contract: every method answers "internal" unless a test
// gives it behaviour, and every call is recorded.
import { vi } from 'vitest';
import {
  contractError,
  OPERATION_NAMES,
  operations,
  type ErrorCode,
  type InterviewSummary,
  type KhaosatApi,
  type ManagedUser,
  type Result,
  type ReviewRow,
  type User,
} from '../../shared/contract';

export type FakeApi = { [K in keyof KhaosatApi]: ReturnType<typeof vi.fn<KhaosatApi[K]>> };

export function fakeApi(overrides: Partial<KhaosatApi> = {}): FakeApi {
  const api: Record<string, unknown> = {};
  for (const name of OPERATION_NAMES) {
    const method = operations[name].method as keyof KhaosatApi;
    api[method] = vi.fn(overrides[method] ?? (async () => failure('internal')));
  }
  return api as FakeApi;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const failure = (code: ErrorCode): Result<never> => ({ ok: false, error: contractError(code) });

export const DEVICE_ID = '0b8e8f0e-5b7a-4c1e-9a55-3f1d2c9b7e10';
export const DEVICE_LABEL = 'KS-0B8E8F0E';
export const DEVICE_FINGERPRINT = '4F2A-9C1B-07D3-55E0-A1B2-C3D4-E5F6-0718';

export const SURVEYOR: User = { id: 2, code: 'DTV001', name: 'Trần Văn Minh', role: 'surveyor', active: true };
export const SUPERVISOR: User = { id: 1, code: 'GS001', name: 'Nguyễn Thị Lan', role: 'supervisor', active: true };

/**
 * `listUsers`, `createUser` and the supervisor's actions over an in-memory list, refusing a code
 * already taken the way the core does. Pass them to fakeApi; `users` shows what the "core" holds.
 */
export function userDirectory(initial: (User | ManagedUser)[] = [SUPERVISOR, SURVEYOR]) {
  const users: ManagedUser[] = initial.map((u) => ({ lockedUntil: null, ...u }));
  const listUsers: KhaosatApi['listUsers'] = async () => ok(users.map((u) => ({ ...u })));
  const createUser: KhaosatApi['createUser'] = async ({ code, name, role }) => {
    if (users.some((u) => u.code === code)) return failure('duplicate_code');
    const user: User = { id: Math.max(0, ...users.map((u) => u.id)) + 1, code, name, role, active: true };
    users.push({ ...user, lockedUntil: null });
    return ok(user);
  };
  const change = (userId: number, patch: Partial<ManagedUser>): Result<ManagedUser> => {
    const found = users.find((u) => u.id === userId);
    if (!found) return failure('not_found');
    Object.assign(found, patch);
    return ok({ ...found });
  };
  const unlockUser: KhaosatApi['unlockUser'] = async ({ userId }) => change(userId, { lockedUntil: null });
  const setUserActive: KhaosatApi['setUserActive'] = async ({ userId, active }) => change(userId, { active });
  const resetUserSecret: KhaosatApi['resetUserSecret'] = async ({ userId }) => change(userId, { lockedUntil: null });
  return { users, listUsers, createUser, unlockUser, setUserActive, resetUserSecret };
}

export function statusOf(needsSetup: boolean, user: User | null = null) {
  return async () => ok({ version: '0.1.0', deviceId: DEVICE_ID, deviceLabel: DEVICE_LABEL, deviceFingerprint: DEVICE_FINGERPRINT, needsSetup, user });
}

/** A promise the test settles by hand, to look at the screen while a call is in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A completed interview as the review list shows it; `over` changes any field of the row. */
export function reviewRow(serial: number, over: Partial<ReviewRow> = {}): ReviewRow {
  const id = `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
  return {
    interview: {
      id,
      serial,
      revision: 0,
      status: 'completed',
      outcome: 'completed',
      surveyId: 'hids',
      formVersion: 'v1',
      formHash: 'a'.repeat(64),
      unitCode: '26734',
      respondentRef: null,
      consent: true,
      deviceId: DEVICE_ID,
      surveyorId: SURVEYOR.id,
      createdAt: '2025-07-01T08:00:00.000Z',
      updatedAt: '2025-07-01T08:15:00.000Z',
      completedAt: '2025-07-01T08:15:00.000Z',
      currentPath: null,
      comment: null,
      answerCount: 2,
    },
    surveyorCode: SURVEYOR.code,
    surveyorName: SURVEYOR.name,
    unitNameVi: 'Phường Sài Gòn',
    unitNameEn: 'Sai Gon Ward',
    durationSeconds: 900,
    flags: [],
    ...over,
  };
}

/**
 * The review operations over an in-memory queue of completed interviews: approve and reject take
 * one out of the list (status changed), a reject keeps its comment. `rows` shows what the "core" holds.
 */
export function reviewQueue(initial: ReviewRow[] = [], form: Record<string, unknown> | null = null) {
  const rows = initial.map((r) => structuredClone(r));
  const find = (id: string) => rows.find((r) => r.interview.id === id);
  const listReview: KhaosatApi['listReview'] = async () => ok(rows.filter((r) => r.interview.status === 'completed').map((r) => structuredClone(r)));
  const getReview: KhaosatApi['getReview'] = async ({ interviewId }) => {
    const r = find(interviewId);
    if (!r) return failure('not_found');
    return ok({
      ...structuredClone(r),
      answers: [
        { path: 'ACC1', value: '4', missing: null, savedAt: '2025-07-01T08:05:00.000Z' },
        { path: 'ACC2', value: '9', missing: 'dont_know', savedAt: '2025-07-01T08:06:00.000Z' },
      ],
      paradata: [
        { at: '2025-07-01T08:00:00.000Z', event: 'created', path: null, detail: '{"consent":true}' },
        { at: '2025-07-01T08:15:00.000Z', event: 'completed', path: null, detail: '{"outcome":"completed"}' },
      ],
      paradataTruncated: false,
    });
  };
  const decide = (interviewId: string, status: 'approved' | 'rejected', comment: string | null): Result<InterviewSummary> => {
    const r = find(interviewId);
    if (!r) return failure('not_found');
    if (r.interview.status !== 'completed') return failure('interview_not_editable');
    r.interview = { ...r.interview, status, comment };
    return ok({ ...r.interview });
  };
  const approveInterview: KhaosatApi['approveInterview'] = async ({ interviewId }) => decide(interviewId, 'approved', null);
  const rejectInterview: KhaosatApi['rejectInterview'] = async ({ interviewId, comment }) => decide(interviewId, 'rejected', comment);
  const getForm: KhaosatApi['getForm'] = async ({ hash }) =>
    form ? ok({ hash, surveyId: 'hids', formVersion: 'v1', model: form }) : failure('not_found');
  return { rows, listReview, getReview, approveInterview, rejectInterview, getForm };
}
