// Small, fixed inputs for the package and batch tests (and the test vectors).
import type { InterviewRecord } from '../../../shared/formats/batch';
import type { SurveyPackageInput } from '../../../electron/sync/survey-package';

export const DEVICE_ID = '0b3c6f4e-7d2a-4c1b-9e8f-1a2b3c4d5e6f';

export function samplePackageInput(recipient: string): SurveyPackageInput {
  return {
    survey: { id: 'hids-2026', title: 'Khảo sát sự hài lòng HIDS 2026', formVersion: '2026.1' },
    recipient,
    createdAt: '2026-11-30T08:00:00.000Z',
    parts: {
      'form.json': Buffer.from(JSON.stringify({ formId: 'hids-2026', version: '2026.1', children: [] })),
      'form.xlsx': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
      'units.csv': Buffer.from('code,type,name_vi\n26734,Phường,Phường Bến Thành\n'),
      'quotas.csv': Buffer.from('unit_code,target\n26734,30\n'),
    },
  };
}

export function sampleRecord(id: string, revision: number, outcome = 'completed'): InterviewRecord {
  return {
    id,
    revision,
    surveyId: 'hids-2026',
    formVersion: '2026.1',
    deviceId: DEVICE_ID,
    surveyorCode: 'DTV01',
    unitCode: '26734',
    outcome,
    createdAt: '2026-11-30T09:00:00.000Z',
    completedAt: '2026-11-30T09:20:00.000Z',
    approvedAt: '2026-11-30T17:00:00.000Z',
    answers: [
      { path: 'q1', value: 4, missing: null, savedAt: '2026-11-30T09:01:00.000Z' },
      { path: 'ten', value: 'Nguyễn Văn A', missing: null, savedAt: '2026-11-30T09:02:00.000Z' },
      { path: 'q2', value: null, missing: 'dont_know', savedAt: '2026-11-30T09:03:00.000Z' },
    ],
    paradata: [
      { at: '2026-11-30T09:00:30.000Z', event: 'shown', path: 'q1', detail: null },
      { at: '2026-11-30T09:01:00.000Z', event: 'answered', path: 'q1', detail: { from: null, to: 4 } },
    ],
  };
}

export const RECORD_IDS = ['5f0c2a1e-3b4d-4e6f-8a9b-0c1d2e3f4a5b', '1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b'] as const;

export function sampleRecords(): InterviewRecord[] {
  return [sampleRecord(RECORD_IDS[0], 2), sampleRecord(RECORD_IDS[1], 0, 'refused')];
}

/** Every region of the container, by byte offset, and the error codes a change there may give. */
export function regionOf(position: number, manifestLength: number): 'magic' | 'version' | 'key' | 'length' | 'manifest' | 'signature' | 'body' {
  if (position < 8) return 'magic';
  if (position < 10) return 'version';
  if (position < 42) return 'key';
  if (position < 46) return 'length';
  if (position < 46 + manifestLength) return 'manifest';
  if (position < 46 + manifestLength + 64) return 'signature';
  return 'body';
}

export function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code ?? `uncoded: ${(error as Error).message}`;
  }
  return 'no error';
}

export async function codeOfAsync(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as { code?: string }).code ?? `uncoded: ${(error as Error).message}`;
  }
  return 'no error';
}
