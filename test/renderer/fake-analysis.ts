// Analyst-face data for the screens' tests: an import job that runs in steps, conflicts with two
// versions, a dashboard, the keys — shaped by the contract's schemas (checked in each builder).
import { ConflictListSchema, DashboardSchema, ImportStatusSchema, type Conflict, type Dashboard, type ImportStatus, type User } from '../../shared/contract';

export const ANALYST: User = { id: 3, code: 'PT001', name: 'Phạm Thu Hà', role: 'analyst', active: true };
export const JOB = '6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4';
export const LAPTOP = '0b8e8f0e-5b7a-4c1e-9a55-3f1d2c9b7e10';
const counts = (n: Partial<ImportStatus['interviews']> = {}) => ({ new: 0, replaced: 0, unchanged: 0, stale: 0, conflicts: 0, ...n });

export function importStatus(over: Partial<ImportStatus> = {}): ImportStatus {
  return ImportStatusSchema.parse({
    jobId: JOB,
    state: 'done',
    done: 3,
    total: 3,
    currentFile: null,
    interviews: counts({ new: 40, conflicts: 1 }),
    results: [
      { file: 'hids_LAPTOP-01_000001.ksbatch', status: 'imported', reason: null, reasonCode: null, device: LAPTOP, sequence: 1, interviews: counts({ new: 40 }) },
      { file: 'hids_LAPTOP-01_000003.ksbatch', status: 'imported', reason: null, reasonCode: null, device: LAPTOP, sequence: 3, interviews: counts({ conflicts: 1 }) },
      {
        file: 'hong.ksbatch',
        status: 'rejected',
        reason: 'batch_damaged: Tệp lô dữ liệu bị hỏng hoặc không đúng định dạng. / The batch file is damaged or not in the expected format. (not a container)',
        reasonCode: 'batch_damaged',
        device: null,
        sequence: null,
        interviews: counts(),
      },
    ],
    packages: [{ file: 'hids.kspkg', survey: 'hids-2026', formVersion: '2026.1', added: true, reason: null }],
    gaps: [{ device: LAPTOP, missing: [2] }],
    formsUnknown: [],
    error: null,
    ...over,
  });
}

export const HASH_A = 'a'.repeat(64);
export const HASH_B = 'b'.repeat(64);
export const INTERVIEW = '11111111-1111-4111-8111-111111111111';

export function conflicts(chosen: string | null = null): { total: number; conflicts: Conflict[] } {
  const version = (hash: string, surveyor: string, acc1: string) => ({
    contentHash: hash,
    batchId: hash.slice(0, 8),
    deviceId: LAPTOP,
    surveyorCode: surveyor,
    unitCode: '26734',
    outcome: 'completed',
    createdAt: '2026-11-30T09:00:00.000Z',
    completedAt: '2026-11-30T09:20:00.000Z',
    answers: [
      { path: 'ACC1', value: acc1, missing: null },
      { path: 'ACC2', value: null, missing: 'dont_know' },
    ],
  });
  return ConflictListSchema.parse({
    total: 1,
    conflicts: [{ interviewId: INTERVIEW, revision: 1, surveyId: 'hids-2026', chosen, chosenBy: chosen ? 'PT001' : null, chosenAt: chosen ? '2026-12-01T04:00:00.000Z' : null, versions: [version(HASH_A, 'DTV01', '5'), version(HASH_B, 'DTV02', '1')] }],
  });
}

export function dashboard(over: Partial<Dashboard> = {}): Dashboard {
  return DashboardSchema.parse({
    surveys: ['hids-2026'],
    survey: 'hids-2026',
    totals: { total: 50, completed: 40, responseRate: 83.3, devices: 2, batches: 3, unresolvedConflicts: 1, quota: 52, quotaPercent: 71.2 },
    outcomes: [
      { outcome: 'completed', n: 40 },
      { outcome: 'refused', n: 6 },
      { outcome: 'not_at_home', n: 2 },
      { outcome: 'ineligible', n: 2 },
    ],
    // As the service orders them: furthest behind quota first, Units without a quota last.
    byUnit: [
      { unitCode: '26737', nameVi: 'Xã Long Hòa', nameEn: 'Long Hoa Commune', total: 17, completed: 12, quota: 20, percent: 60 },
      { unitCode: '26734', nameVi: 'Phường Bến Thành', nameEn: 'Ben Thanh Ward', total: 28, completed: 25, quota: 32, percent: 78.1 },
      { unitCode: '99999', nameVi: null, nameEn: null, total: 5, completed: 3, quota: null, percent: null },
    ],
    bySurveyor: [
      { surveyorCode: 'DTV01', total: 26, completed: 21 },
      { surveyorCode: 'DTV02', total: 24, completed: 19 },
    ],
    byDay: [{ day: '2026-11-30', total: 50, completed: 40 }],
    gaps: [{ device: LAPTOP, missing: [2, 5] }],
    flags: { counts: { too_short: 1, straight_lining: 0, dont_know_share: 0, clock_future: 0, clock_before_install: 0, clock_backwards: 0 }, flagged: [{ interviewId: INTERVIEW, unitCode: '26734', surveyorCode: 'DTV01', flags: ['too_short'] }] },
    ...over,
  });
}
