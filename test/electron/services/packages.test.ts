// Installing survey packages through the contract: a supervisor installs, a newer form version goes
// in beside the old one (drafts stay on theirs), the frame and quotas are replaced, a signed but
// wrong package changes nothing, and quota progress counts completed interviews per unit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGuard } from '../../../electron/ipc/guard';
import { generateSigningKey, signingKeyFromSeed, type SigningKey } from '../../../electron/sync/signing';
import { createSurveyPackage, type SurveyPackageParts } from '../../../electron/sync/survey-package';
import type { Core } from '../../../electron/services';
import { interviewForm } from '../../fixtures/forms/interviewForm';
import { cleanup, makeCore, session, setUpStaff, testClock } from './helpers';

const cores: Core[] = [];
afterEach(() => cleanup(cores));

const ANALYST = signingKeyFromSeed(Buffer.from(readFileSync(join(__dirname, '../../fixtures/sync/analyst-signing.seed.hex'), 'utf8').trim(), 'hex'));
const RECIPIENT = readFileSync(join(__dirname, '../../fixtures/sync/analyst-age.pub'), 'utf8').trim();
const UNITS = 'code,type,name_vi,name_en,former_province,former_district,merged_from\n26734,Phường/Ward,Phường Sài Gòn,Sai Gon Ward,TP.HCM,Quận 1,\n26743,Phường/Ward,Phường Bến Thành,Ben Thanh Ward,TP.HCM,Quận 1,\n';

/** Each form version's package is signed an hour after the previous one's (v1 08:00, v2 09:00, …). */
function createdAtFor(version: string): string {
  const n = Number(/^v(\d+)$/.exec(version)?.[1] ?? '1');
  return new Date(Date.UTC(2026, 10, 30, 7 + n)).toISOString();
}

function pkg(version: string, parts: Partial<SurveyPackageParts> = {}, key: SigningKey = ANALYST, createdAt = createdAtFor(version)): string {
  const bytes = createSurveyPackage(
    {
      survey: { id: 'hids', title: 'Khảo sát hài lòng HIDS', formVersion: version },
      recipient: RECIPIENT,
      createdAt,
      parts: { 'form.json': Buffer.from(JSON.stringify(interviewForm(version))), 'units.csv': Buffer.from(UNITS), 'quotas.csv': Buffer.from('unit_code,target\n26743,30\n26734,10\n'), ...parts },
    },
    key,
  );
  return bytes.toString('base64');
}

function rowCounts(core: Core): Record<string, number> {
  const names = (core.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
  return Object.fromEntries(names.map((n) => [n, (core.db.prepare(`SELECT count(*) AS n FROM "${n}"`).get() as { n: number }).n]));
}

async function setUp() {
  const clock = testClock();
  const core = makeCore({ clock: clock.clock });
  cores.push(core);
  const staff = await setUpStaff(core, clock.clock);
  return { core, clock, ...staff };
}

describe('package:install', () => {
  it('a newer form version installs beside the old one; a draft keeps its version; frame and quotas are replaced', async () => {
    const { core, clock, supervisor, surveyorA } = await setUp();
    const first = await core.handlers['package:install']({ packageBase64: pkg('v1') }, session(supervisor));
    expect(first).toMatchObject({ surveyId: 'hids', formVersion: 'v1', installed: true, pinned: true, units: 2, quotas: 2, signerFingerprint: ANALYST.fingerprint });
    const draft = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, session(surveyorA));
    expect(draft.formVersion).toBe('v1');

    clock.advance(60_000);
    const frame2 = 'code,type,name_vi,name_en,former_province,former_district,merged_from\n26743,Phường/Ward,Phường Bến Thành,Ben Thanh Ward,TP.HCM,Quận 1,\n26758,Phường/Ward,Phường Cầu Ông Lãnh,,TP.HCM,Quận 1,\n';
    const second = await core.handlers['package:install']({ packageBase64: pkg('v2', { 'units.csv': Buffer.from(frame2), 'quotas.csv': Buffer.from('unit_code,target\n26758,12\n') }) }, session(supervisor));
    expect(second).toMatchObject({ formVersion: 'v2', installed: true, pinned: false, units: 2, quotas: 1 });
    const surveys = await core.handlers['survey:list']({}, session(surveyorA));
    expect(surveys).toEqual([expect.objectContaining({ id: 'hids', formVersion: 'v2', unitCount: 2 })]);
    expect(core.db.prepare("SELECT version FROM form_versions WHERE survey_id = 'hids' ORDER BY version").all()).toEqual([{ version: 'v1' }, { version: 'v2' }]);
    expect((await core.handlers['survey:units']({ surveyId: 'hids' }, session(surveyorA))).map((u) => u.code)).toEqual(['26743', '26758']);
    expect(await core.handlers['survey:quotas']({ surveyId: 'hids' }, session(surveyorA))).toEqual([{ unitCode: '26758', nameVi: 'Phường Cầu Ông Lãnh', nameEn: null, target: 12, completed: 0 }]);
    // The draft begun on v1 still loads and saves against v1.
    const loaded = await core.handlers['interview:load']({ interviewId: draft.id }, session(surveyorA));
    expect(loaded.summary.formVersion).toBe('v1');
    await core.handlers['interview:saveAnswer']({ interviewId: draft.id, path: 'ACC1', value: '4' }, session(surveyorA));
    const audit = core.db.prepare("SELECT user_id, detail FROM audit_log WHERE action = 'package_installed' ORDER BY id").all() as { user_id: number; detail: string }[];
    expect(audit.map((a) => [a.user_id, JSON.parse(a.detail).formVersion, JSON.parse(a.detail).pinned])).toEqual([[supervisor.id, 'v1', true], [supervisor.id, 'v2', false]]);
  });

  it('a failed install changes nothing: damaged file, foreign signer, bad form, quota for an unknown unit', async () => {
    const { core, supervisor } = await setUp();
    await core.handlers['package:install']({ packageBase64: pkg('v1') }, session(supervisor));
    const before = rowCounts(core);
    const damaged = Buffer.from(pkg('v2'), 'base64');
    damaged[damaged.length - 5] = damaged[damaged.length - 5]! ^ 0x10;
    const bad = { modelVersion: 1, formId: 'x' };
    const cases: [string, string, string][] = [
      ['damaged', damaged.toString('base64'), 'package_damaged'],
      ['foreign signer', pkg('v2', {}, generateSigningKey()), 'package_foreign_signer'],
      ['bad form', pkg('v2', { 'form.json': Buffer.from(JSON.stringify(bad)) }), 'package_invalid'],
      ['unknown unit', pkg('v2', { 'quotas.csv': Buffer.from('unit_code,target\n99999,3\n') }), 'package_invalid'],
    ];
    const guard = createGuard({ handlers: core.handlers, currentUser: core.currentUser, isTrustedSender: () => true });
    for (const [label, packageBase64, code] of cases) {
      const result = await guard('package:install', { packageBase64 }, { senderUrl: 'app://khaosat/', session: { user: supervisor } });
      expect(result, label).toMatchObject({ ok: false, error: { code } });
      expect(rowCounts(core), label).toEqual(before);
    }
    const unknown = await guard('package:install', { packageBase64: cases[3]![1] }, { senderUrl: 'app://khaosat/', session: { user: supervisor } });
    expect(unknown).toMatchObject({
      ok: false,
      error: { message: 'quotas.csv, dòng 2, cột unit_code: mã đơn vị "99999" không có trong units.csv.', messageEn: 'quotas.csv, line 2, column unit_code: unit code "99999" is not in units.csv.', issues: [{ path: 'quotas.csv:2:unit_code' }] },
    });
  });

  it('rollback protection: a package signed before the newest installed one is refused with package_older and changes nothing; the same file again is a no-op', async () => {
    const { core, supervisor, surveyorA } = await setUp();
    const guard = createGuard({ handlers: core.handlers, currentUser: core.currentUser, isTrustedSender: () => true });
    const call = (packageBase64: string) => guard('package:install', { packageBase64 }, { senderUrl: 'app://khaosat/', session: { user: supervisor } });
    const v1 = pkg('v1');
    const v2 = pkg('v2', { 'quotas.csv': Buffer.from('unit_code,target\n26743,40\n') });
    expect(await call(v1)).toMatchObject({ ok: true, value: { installed: true, formVersion: 'v1' } });
    const draft = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, session(surveyorA));
    expect(await call(v2)).toMatchObject({ ok: true, value: { installed: true, formVersion: 'v2' } });
    const before = rowCounts(core);
    const quotasBefore = await core.handlers['survey:quotas']({ surveyId: 'hids' }, session(surveyorA));

    // An older package never installed here (v1.5 signed at 08:30), and one signed at the very
    // same time as v2 but with other content: both refused, naming both creation times.
    const older = pkg('v3', {}, ANALYST, '2026-11-30T08:30:00.000Z');
    const sameTime = pkg('v3', {}, ANALYST, createdAtFor('v2'));
    for (const [label, bytes] of [['older', older], ['same time', sameTime]] as const) {
      const result = await call(bytes);
      expect(result, label).toMatchObject({ ok: false, error: { code: 'package_older', issues: [{ path: 'manifest.createdAt' }] } });
      if (result.ok) throw new Error('unreachable');
      expect(result.error.message, label).toContain('không mới hơn gói đã cài (phiên bản phiếu v2, tạo lúc 2026-11-30T09:00:00.000Z)');
      expect(result.error.messageEn, label).toContain('not after the installed one (form version v2, created at 2026-11-30T09:00:00.000Z)');
      expect(rowCounts(core), label).toEqual(before);
    }
    expect(await core.handlers['survey:quotas']({ surveyId: 'hids' }, session(surveyorA))).toEqual(quotasBefore);

    // The very file installed first is "already installed", not a rollback, and changes nothing.
    expect(await call(v1)).toMatchObject({ ok: true, value: { installed: false, formVersion: 'v1' } });
    expect(await call(v2)).toMatchObject({ ok: true, value: { installed: false, formVersion: 'v2' } });
    expect(rowCounts(core)).toEqual(before);
    expect((await core.handlers['survey:list']({}, session(surveyorA)))[0]).toMatchObject({ formVersion: 'v2' });
    // The draft begun on v1 is untouched and still saves against v1.
    await core.handlers['interview:saveAnswer']({ interviewId: draft.id, path: 'ACC1', value: '4' }, session(surveyorA));
    expect((await core.handlers['interview:load']({ interviewId: draft.id }, session(surveyorA))).summary.formVersion).toBe('v1');

    // A later package still installs.
    expect(await call(pkg('v3'))).toMatchObject({ ok: true, value: { installed: true, formVersion: 'v3' } });
  });

  it('a surveyor may not install a package', async () => {
    const { core, surveyorA } = await setUp();
    const guard = createGuard({ handlers: core.handlers, currentUser: core.currentUser, isTrustedSender: () => true });
    const before = rowCounts(core);
    const result = await guard('package:install', { packageBase64: pkg('v1') }, { senderUrl: 'app://khaosat/', session: { user: surveyorA } });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(rowCounts(core)).toEqual(before);
  });
});

describe('survey:quotas', () => {
  it('counts interviews with outcome completed past draft, per unit, on this laptop', async () => {
    const { core, supervisor, surveyorA } = await setUp();
    await core.handlers['package:install']({ packageBase64: pkg('v1') }, session(supervisor));
    const insert = core.db.prepare(
      `INSERT INTO interviews (id, status, device_id, surveyor_id, survey_id, form_version, unit_code, created_at, updated_at, outcome)
       VALUES (?, ?, ?, ?, 'hids', 'v1', ?, '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', ?)`,
    );
    const rows: [string, string, string | null][] = [
      ['completed', '26743', 'completed'],
      ['approved', '26743', 'completed'],
      ['rejected', '26743', 'completed'],
      ['draft', '26743', null],
      ['completed', '26743', 'refused'],
      ['completed', '26734', 'completed'],
    ];
    rows.forEach(([status, unit, outcome], k) => insert.run(`00000000-0000-4000-8000-00000000000${k}`, status, core.deviceId, surveyorA.id, unit, outcome));
    const quotas = await core.handlers['survey:quotas']({ surveyId: 'hids' }, session(surveyorA));
    expect(quotas).toEqual([
      { unitCode: '26743', nameVi: 'Phường Bến Thành', nameEn: 'Ben Thanh Ward', target: 30, completed: 3 },
      { unitCode: '26734', nameVi: 'Phường Sài Gòn', nameEn: 'Sai Gon Ward', target: 10, completed: 1 },
    ]);
  });

  it('an unknown survey is not_found', async () => {
    const { core, surveyorA } = await setUp();
    await expect(core.handlers['survey:quotas']({ surveyId: 'nope' }, session(surveyorA))).rejects.toMatchObject({ code: 'not_found' });
  });
});
