// The handler table covers every contract operation, and every response of a full run through
// them satisfies the contract's response schema.
import { afterEach, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, operations, type OperationName } from '../../../shared/contract';
import type { CallContext } from '../../../electron/ipc/types';
import { interviewForm } from '../../fixtures/forms/interviewForm';
import { installSurvey, type Core } from '../../../electron/services';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKey, signingKeyFromSeed } from '../../../electron/sync/signing';
import { createSurveyPackage } from '../../../electron/sync/survey-package';
import { cleanup, makeCore, session } from './helpers';

const FIXTURES = join(__dirname, '../../fixtures/sync');

/** A package for `hids` with the same form as the seeded one, its frame and a quota. */
function hidsPackage(): string {
  return createSurveyPackage(
    {
      survey: { id: 'hids', title: 'HIDS', formVersion: 'v1' },
      recipient: readFileSync(join(FIXTURES, 'analyst-age.pub'), 'utf8').trim(),
      createdAt: '2026-11-30T08:00:00.000Z',
      parts: {
        'form.json': Buffer.from(JSON.stringify(interviewForm('v1'))),
        'units.csv': Buffer.from('code,type,name_vi,name_en,former_province,former_district,merged_from\n26734,Phường,Phường Sài Gòn,,,,\n'),
        'quotas.csv': Buffer.from('unit_code,target\n26734,30\n'),
      },
    },
    signingKeyFromSeed(Buffer.from(readFileSync(join(FIXTURES, 'analyst-signing.seed.hex'), 'utf8').trim(), 'hex')),
  ).toString('base64');
}

const cores: Core[] = [];
afterEach(() => cleanup(cores));

describe('handlers', () => {
  it('there is exactly one handler per contract operation', () => {
    const core = makeCore();
    cores.push(core);
    expect(Object.keys(core.handlers).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it('app:status carries the device key fingerprint from the face, read until it exists and then remembered; a failing read says null', async () => {
    const key = generateSigningKey();
    let made = false;
    let reads = 0;
    const core = makeCore({
      deviceFingerprint: async () => {
        reads++;
        if (reads === 1) throw new Error('keychain locked');
        return made ? key.fingerprint : null;
      },
    });
    cores.push(core);
    const status = () => core.handlers['app:status']({}, session());
    expect((await status()).deviceFingerprint).toBeNull();
    expect((await status()).deviceFingerprint).toBeNull();
    made = true;
    expect(await status()).toMatchObject({ deviceFingerprint: key.fingerprint, deviceLabel: expect.stringMatching(/^KS-[0-9A-F]{8}$/) });
    expect(operations['app:status'].response.parse(await status()).deviceFingerprint).toBe(key.fingerprint);
    expect(reads).toBe(3);
  });

  it('every operation, called with a valid request, answers in the shape the contract promises', async () => {
    const core = makeCore({ appVersion: '1.2.3' });
    cores.push(core);
    const seen = new Set<OperationName>();
    async function call<N extends OperationName>(name: N, request: unknown, ctx: CallContext) {
      const req = operations[name].request.parse(request);
      const res = await (core.handlers[name] as (r: unknown, c: CallContext) => unknown)(req, ctx);
      seen.add(name);
      return operations[name].response.parse(res);
    }
    const sup = session();
    const status = await call('app:status', {}, sup);
    expect(status).toEqual({ version: '1.2.3', deviceId: core.deviceId, deviceLabel: `KS-${core.deviceId.replace(/-/g, '').slice(0, 8).toUpperCase()}`, deviceFingerprint: null, needsSetup: true, user: null });
    await call('setup:createFirstSupervisor', { code: 'GS01', name: 'Giám sát', secret: '48213957' }, sup);
    await call('user:create', { code: 'DTV01', name: 'Điều tra viên', role: 'surveyor', secret: '2469' }, sup);
    const listed = (await call('user:list', {}, sup)) as { id: number; code: string }[];
    const dtv = listed.find((u) => u.code === 'DTV01')!.id;
    await call('user:unlock', { userId: dtv }, sup);
    await call('user:setActive', { userId: dtv, active: true }, sup);
    await call('user:resetSecret', { userId: dtv, secret: '2469' }, sup);
    installSurvey(core.db, { id: 'hids', title: 'HIDS', formVersion: 'v1', definition: interviewForm('v1'), units: [{ code: '26734', nameVi: 'Phường Sài Gòn' }] });
    expect(await call('package:install', { packageBase64: hidsPackage() }, sup)).toMatchObject({ surveyId: 'hids', formVersion: 'v1', installed: true });
    const sv = session();
    await call('session:signIn', { code: 'DTV01', secret: '2469' }, sv);
    const [survey] = (await call('survey:list', {}, sv)) as { formHash: string }[];
    await call('survey:units', { surveyId: 'hids' }, sv);
    await call('form:get', { hash: survey!.formHash }, sv);
    const iv = (await call('interview:start', { surveyId: 'hids', unitCode: '26734', consent: true }, sv)) as { id: string };
    await call('interview:saveAnswer', { interviewId: iv.id, path: 'ACC1', value: '4', missing: null }, sv);
    await call('interview:saveAnswer', { interviewId: iv.id, path: 'tuổi', value: 30 }, sv);
    await call('interview:recordEvents', { interviewId: iv.id, events: [{ kind: 'shown', path: 'ACC1', at: '2025-07-01T08:00:00.000Z' }] }, sv);
    await call('interview:load', { interviewId: iv.id }, sv);
    await call('interview:list', { status: 'draft' }, sv);
    await call('interview:complete', { interviewId: iv.id }, sv);
    expect(await call('survey:quotas', { surveyId: 'hids' }, sv)).toEqual([{ unitCode: '26734', nameVi: 'Phường Sài Gòn', nameEn: null, target: 30, completed: 1 }]);
    const other = (await call('interview:start', { surveyId: 'hids', unitCode: '26734', consent: true }, sv)) as { id: string };
    await call('interview:close', { interviewId: other.id, outcome: 'not_at_home' }, sv);
    const gs = session();
    await call('session:signIn', { code: 'GS01', secret: '48213957' }, gs);
    await call('review:list', {}, gs);
    await call('review:get', { interviewId: iv.id }, gs);
    await call('interview:approve', { interviewId: iv.id }, gs);
    await call('interview:reject', { interviewId: other.id, comment: 'Gặp lại' }, gs);
    // No folder chooser on this core: the export is cancelled, nothing written.
    expect(await call('batch:export', {}, gs)).toEqual({ cancelled: true, folder: null, batches: [] });
    await call('interview:reopen', { interviewId: other.id }, sv);
    await call('session:signOut', {}, sv);
    // With a database open there is nothing to recover, and restoring over it is refused.
    expect(await call('recovery:status', {}, sv)).toEqual({ needed: false, reason: null, backups: [] });
    await expect(call('recovery:restore', { name: 'khaosat-backup-2025-07-01T08-00-00-000Z-000.sqlite' }, sv)).rejects.toMatchObject({ code: 'recovery_not_needed' });
    seen.add('recovery:restore');
    // The analyst's operations on an empty analyst store with no dialogs (docs/analyst.md).
    const analyst = await core.services.users.createUser(core.currentUser(1)!, { code: 'PT01', name: 'Phân tích', role: 'analyst', secret: '86420135' });
    const pt = session(analyst);
    expect(await call('analysis:keys', {}, pt)).toMatchObject({ keys: null });
    expect(await call('analysis:chooseKeys', {}, pt)).toEqual({ cancelled: true, keys: null });
    await expect(call('analysis:import', { choose: 'folder' }, pt)).rejects.toMatchObject({ code: 'analyst_keys_missing' });
    await expect(call('analysis:importStatus', { jobId: '6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4' }, pt)).rejects.toMatchObject({ code: 'not_found' });
    expect(await call('analysis:conflicts', {}, pt)).toEqual({ total: 0, conflicts: [] });
    await expect(call('analysis:resolveConflict', { interviewId: '6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4', revision: 0, contentHash: 'a'.repeat(64) }, pt)).rejects.toMatchObject({ code: 'not_found' });
    expect(await call('analysis:dashboard', {}, pt)).toMatchObject({ surveys: [], totals: { total: 0, responseRate: null } });
    await expect(call('analysis:report', {}, pt)).rejects.toMatchObject({ code: 'analysis_not_ready' });
    await expect(call('analysis:export', { format: 'csv' }, pt)).rejects.toMatchObject({ code: 'analysis_not_ready' });
    await expect(call('analysis:reportPdf', {}, pt)).rejects.toMatchObject({ code: 'analysis_not_ready' });
    for (const name of ['analysis:import', 'analysis:importStatus', 'analysis:resolveConflict', 'analysis:report', 'analysis:reportPdf', 'analysis:export'] as const) seen.add(name);
    expect([...seen].sort()).toEqual([...OPERATION_NAMES].sort());
  });
});
