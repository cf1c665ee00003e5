// `khaosat import` end to end on both stores: keys from `keys generate`, a survey package signed
// by them registers the form, batches from the real writer; JSON exactly as issue 9 §1, exit 1
// when a file was rejected, a package from another signer refused.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { loadAnalystSigningKeys } from '../../../electron/sync/analyst-keys';
import { plainProtector } from '../../../electron/sync/key-protector';
import { generateSigningKey } from '../../../electron/sync/signing';
import { createSurveyPackage } from '../../../electron/sync/survey-package';
import { openAnalystStore } from '../../../electron/analyst/store';
import { batchFile, makeDevice, record, storeFactory, STORE_KINDS } from '../analyst/fixtures';

function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), readSecret: async () => '', env: {}, cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const FORM = { formId: 'hids-2026', version: '2026.1', children: [{ kind: 'question', name: 'ACC1', orOther: false }, { kind: 'question', name: 'ACC2', orOther: false }] };

describe.each(STORE_KINDS)('khaosat import (%s)', (kind) => {
  const stores = storeFactory(kind);
  let target: string;
  let recipient: string;
  let packagePath: string;
  let foreignPackagePath: string;
  afterAll(() => stores.cleanup());
  beforeAll(async () => {
    expect(await runCli(['keys', 'generate', '--out', 'keys'], fakeIo(stores.dir).io)).toBe(0);
    const keys = await loadAnalystSigningKeys(join(stores.dir, 'keys'), plainProtector());
    recipient = keys.recipient;
    const input = {
      survey: { id: 'hids-2026', title: 'HIDS 2026', formVersion: '2026.1' },
      recipient,
      createdAt: '2026-11-30T08:00:00.000Z',
      parts: { 'form.json': Buffer.from(JSON.stringify(FORM)), 'units.csv': Buffer.from('code,type,name_vi\n26734,Phường,Phường Bến Thành\n') },
    };
    packagePath = join(stores.dir, 'hids.kspkg');
    writeFileSync(packagePath, createSurveyPackage(input, keys.signing));
    foreignPackagePath = join(stores.dir, 'foreign.kspkg');
    writeFileSync(foreignPackagePath, createSurveyPackage(input, generateSigningKey()));
    const store = await stores.open();
    target = kind === 'postgres' ? store.label : join(stores.dir, `analyst-1.sqlite`);
    await store.close();
  }, 120_000);

  it('registers the form from the package, imports a folder, prints the JSON shape, and exits 1 on a rejected file', async () => {
    const laptop = makeDevice('LAPTOP-07');
    const folder = join(stores.dir, 'batches');
    mkdirSync(folder, { recursive: true });
    await batchFile(folder, laptop, 1, [record(laptop, '11111111-1111-4111-8111-111111111111', 1)], recipient);
    await batchFile(folder, laptop, 3, [record(laptop, '22222222-2222-4222-8222-222222222222', 0)], recipient);
    const stray = record(laptop, '33333333-3333-4333-8333-333333333333', 0, { answers: [{ path: 'Q99', value: 1, missing: null, savedAt: '2026-11-30T09:01:00.000Z' }] });
    const bad = await batchFile(stores.dir, laptop, 2, [stray], recipient);

    const t = fakeIo(stores.dir);
    const code = await runCli(['import', 'batches', bad, '--db', target, '--keys', 'keys', '--package', packagePath, '--json'], t.io);
    expect(code).toBe(1);
    const json = JSON.parse(t.out());
    expect(Object.keys(json).sort()).toEqual(['batches', 'gaps']);
    expect(json.batches.map((b: { status: string; sequence: number }) => [b.status, b.sequence])).toEqual([
      ['imported', 1],
      ['imported', 3],
      ['rejected', 2],
    ]);
    expect(Object.keys(json.batches[0]).sort()).toEqual(['device', 'file', 'interviews', 'sequence', 'status']);
    expect(json.batches[0].interviews).toEqual({ new: 1, replaced: 0, unchanged: 0, stale: 0, conflicts: 0 });
    expect(json.batches[2].reason).toMatch(/^batch_invalid: .*answer Q99 is not a question of form hids-2026 version 2026\.1/);
    expect(json.gaps).toEqual([{ device: laptop.id, missing: [2] }]);

    // Again, as a table: both accepted files are duplicates now; exit 0 with nothing rejected.
    const again = fakeIo(stores.dir);
    expect(await runCli(['import', 'batches', '--db', target, '--keys', 'keys'], again.io)).toBe(0);
    expect(again.out()).toMatch(/duplicate/);
    expect(again.out()).toContain(`missing batches from device ${laptop.id}: 2`);

    const store = await openAnalystStore(target);
    try {
      expect(await store.db.selectFrom('forms').select(['survey_id', 'form_version']).execute()).toEqual([{ survey_id: 'hids-2026', form_version: '2026.1' }]);
    } finally {
      await store.close();
    }
  });

  it('refuses a survey package signed by another key than the analyst\'s own', async () => {
    const t = fakeIo(stores.dir);
    await expect(runCli(['import', '--db', target, '--keys', 'keys', '--package', foreignPackagePath], t.io)).resolves.toBe(1);
    expect(t.err()).toMatch(/signed by a different key.*expected /);
  });
});
