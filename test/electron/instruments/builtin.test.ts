// The built-in instruments reach the main process as the build's JSON bundle and are installed on
// open: once (idempotent), with their 168-unit frame, and usable for a whole interview.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formHash } from '../../../electron/forms/formHash';
import { BUILTIN_SURVEYS, type BuiltinBundle, parseUnitFrame, readBuiltinBundle, readBundledInstruments } from '../../../electron/instruments/builtin';
import { compileBuiltinInstruments } from '../../../electron/instruments/compileBuiltin';
import { parseCsv } from '../../../shared/forms/csv';
import type { Core } from '../../../electron/services';
import { OUTCOMES } from '../../../shared/contract/schemas';
import { listQuestions, type FormModel } from '../../../shared/forms';
import { cleanup, makeCore, session, setUpStaff } from '../services/helpers';

const root = resolve(__dirname, '../../..');
let bundle: BuiltinBundle;
const cores: Core[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  bundle = await compileBuiltinInstruments(join(root, 'shared/instruments'));
});
afterEach(() => cleanup(cores));
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the built-in instrument bundle', () => {
  it('holds both instruments compiled from shared/instruments with the 168-unit frame', () => {
    expect(bundle.instruments.map((i) => i.surveyId)).toEqual([...BUILTIN_SURVEYS]);
    for (const i of bundle.instruments) {
      expect(i.model.modelVersion).toBe(1);
      expect(i.units).toHaveLength(168);
    }
    const units = bundle.instruments[0]!.units;
    // Same name, different place: the frame keeps where each was before the merger.
    const thanhAn = units.filter((u) => /^Xã Th[aạ]nh An$/.test(u.nameVi));
    expect(thanhAn.length).toBe(2);
    expect(new Set(thanhAn.map((u) => u.nameVi)).size).toBe(2);
    expect(thanhAn.every((u) => u.formerDistrict || u.formerProvince)).toBe(true);
  });

  it('written as JSON and read back (as the packaged app does), each form has the same content hash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khaosat-bundle-'));
    dirs.push(dir);
    const file = join(dir, 'instruments.json');
    writeFileSync(file, JSON.stringify(bundle));
    const back = readBuiltinBundle(file);
    expect(back.instruments.map((i) => formHash(i.model))).toEqual(bundle.instruments.map((i) => formHash(i.model)));
  });

  it('a tampered bundle is refused: an expression that does not parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khaosat-bundle-'));
    dirs.push(dir);
    const bad = JSON.parse(JSON.stringify(bundle)) as BuiltinBundle;
    const q = listQuestions(bad.instruments[0]!.model).find((x) => x.relevant);
    q!.relevant!.source = '${EXP_PAKN} = ';
    writeFileSync(join(dir, 'instruments.json'), JSON.stringify(bad));
    expect(() => readBundledInstruments(dir)).toThrow(/not a valid form/);
  });

  it.skipIf(!existsSync(join(root, 'dist/electron/instruments.json')))('the build wrote the same instruments beside the bundles in dist/electron', () => {
    const built = readBundledInstruments(join(root, 'dist/electron'));
    expect(built.instruments.map((i) => formHash(i.model))).toEqual(bundle.instruments.map((i) => formHash(i.model)));
  });
});

describe('the unit frame reader', () => {
  it('reads quoted fields with commas and doubled quotes, and refuses a ragged row or a duplicate code', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"']]);
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/Line 2 has 3 columns, expected 2/);
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow(/Unterminated quote/);
    // A form's attached CSV is read as pyxform reads it: any width, blank rows dropped, a BOM too.
    expect(parseCsv('\uFEFFname,label\n\n1,Một,extra\n2\n', { lenient: true })).toEqual([['name', 'label'], ['1', 'Một', 'extra'], ['2']]);
    const header = 'code,type,name_vi,name_en,former_province,former_district,merged_from\n';
    expect(() => parseUnitFrame(`${header}1,Phường,A,,,,\n1,Phường,B,,,,\n`, 'f.csv')).toThrow(/f.csv line 3: unit code 1 appears twice/);
    expect(() => parseUnitFrame('code,name\n1,A\n', 'f.csv')).toThrow(/expected columns/);
  });
});

describe('installing on open', () => {
  it('installs both surveys with their frame once; opening again installs nothing', async () => {
    const first = makeCore({ builtinInstruments: bundle });
    cores.push(first);
    const { surveyorA } = await setUpStaff(first);
    const a = session(surveyorA);
    const surveys = (await first.handlers['survey:list']({}, a)).filter((s) => s.id !== 'hids');
    expect(surveys.map((s) => [s.id, s.formVersion, s.unitCount])).toEqual(bundle.instruments.map((i) => [i.surveyId, i.model.version, 168]));
    const installs = () => first.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'form_installed'").get();
    expect(installs()).toEqual({ n: 2 });
    const units = await first.handlers['survey:units']({ surveyId: 'hids-satisfaction' }, a);
    expect(units).toHaveLength(168);
    expect(units.find((u) => u.nameVi === 'Xã Thạnh An')).toMatchObject({ type: expect.any(String), formerDistrict: expect.any(String) });
    const model = (await first.handlers['form:get']({ hash: surveys[0]!.formHash! }, a)).model as unknown as FormModel;
    expect(model.formId).toBe(bundle.instruments[0]!.model.formId);
    const path = first.dbPath;
    first.close();

    const again = makeCore({ dbPath: path, builtinInstruments: bundle });
    cores.push(again);
    expect(again.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'form_installed'").get()).toEqual({ n: 2 });
    expect(again.db.prepare('SELECT count(*) AS n FROM form_versions').get()).toEqual({ n: 3 });
    expect(again.db.prepare("SELECT count(*) AS n FROM units WHERE survey_id = 'hids-satisfaction'").get()).toEqual({ n: 168 });
  });

  it('a whole interview on the built-in HIDS instrument: start in a unit of the frame, answer, complete', async () => {
    const core = makeCore({ builtinInstruments: bundle });
    cores.push(core);
    const { surveyorA } = await setUpStaff(core);
    const a = session(surveyorA);
    const hids = bundle.instruments.find((i) => i.surveyId === 'hids-satisfaction')!;
    const unit = hids.units[0]!.code;
    await expect((async () => core.handlers['interview:start']({ surveyId: 'hids-satisfaction', unitCode: '00000', consent: true }, a))()).rejects.toMatchObject({ code: 'not_found' });
    const iv = await core.handlers['interview:start']({ surveyId: 'hids-satisfaction', unitCode: unit, consent: true }, a);
    const form = hids.model;
    const firstChoice = (list?: string) => form.choiceLists[list ?? '']?.choices.find((c) => !c.missing)?.name;
    for (const q of listQuestions(form)) {
      if (q.calculation || ['note', 'calculate', 'start', 'end', 'today', 'deviceid', 'username', 'hidden'].includes(q.type)) continue;
      if (q.readOnly === true || q.name.endsWith('_OTHER') || q.name.endsWith('_other')) continue;
      let value: string | number | string[];
      if (q.type === 'text') value = 'Nguyễn Văn A';
      else if (q.type === 'date') value = '2025-07-14';
      else if (q.type === 'integer' || q.type === 'decimal') value = 30;
      else if (q.type === 'select_multiple') value = [firstChoice(q.listName)!];
      else if (q.listName === 'sat5') value = '4';
      else if (q.type === 'select_one') value = q.name === 'consent' ? '1' : firstChoice(q.listName)!;
      else continue;
      await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: q.name, value }, a);
    }
    const done = await core.handlers['interview:complete']({ interviewId: iv.id }, a);
    expect(done).toMatchObject({ status: 'completed', surveyId: 'hids-satisfaction', formVersion: form.version });
    // The instrument's own `outcome` calculate (eligibility, consent) or completed.
    expect(OUTCOMES).toContain(done.outcome);
  });
});
