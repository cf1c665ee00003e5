// Crash safety of batch export: a process killed (SIGKILL) after the batch is written under its
// temporary name and before the rename leaves no file under the final name and nothing marked
// exported, round after round; the next export then succeeds with the same sequence and clears
// the leftovers. KHAOSAT_EXPORT_CRASH_ROUNDS changes the number of rounds (default 20).
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBatch } from '../../../electron/sync/batch';
import { openDeviceSigningKey } from '../../../electron/sync/device-key';
import { plainProtector } from '../../../electron/sync/key-protector';
import type { Core } from '../../../electron/services';
import { cleanup, makeCore, session, setUpStaff } from './helpers';

const ROUNDS = Number(process.env.KHAOSAT_EXPORT_CRASH_ROUNDS ?? 20);
const IDENTITY = readFileSync(join(__dirname, '../../fixtures/sync/analyst-age.key'), 'utf8').trim().split('\n').pop()!;
const RECIPIENT = readFileSync(join(__dirname, '../../fixtures/sync/analyst-age.pub'), 'utf8').trim();

const cores: Core[] = [];
afterEach(() => cleanup(cores));

function runChild(args: string[], killAtWrite: boolean): Promise<{ stdout: string; signal: NodeJS.Signals | null; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/electron/services/batch-export-child.ts', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (killAtWrite && stdout.includes('written ')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal === null) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve({ stdout, signal, code });
    });
  });
}

describe('batch export under SIGKILL', () => {
  it(`killed between writing and renaming, ${ROUNDS} times: no file under a final name, nothing marked exported; then the export completes`, async () => {
    const core = makeCore();
    cores.push(core);
    const staff = await setUpStaff(core);
    const a = session(staff.surveyorA);
    for (let i = 0; i < 3; i++) {
      const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: false }, a);
      core.services.interviews.review(staff.supervisor, { interviewId: iv.id, action: 'approve' });
    }
    const keyPath = join(core.dir, 'device-signing.key');
    const key = (await openDeviceSigningKey(keyPath, plainProtector())).key;
    const out = join(core.dir, 'out');
    mkdirSync(out);
    const args = [core.dbPath, keyPath, out, RECIPIENT];

    for (let round = 0; round < ROUNDS; round++) {
      const run = await runChild(args, true);
      expect(run.signal, `round ${round}`).toBe('SIGKILL');
      expect(readdirSync(out).filter((n) => !n.startsWith('.')), `round ${round}`).toEqual([]);
      expect(core.services.batches.list()).toEqual([]);
      expect(core.services.batches.pending()).toEqual([{ surveyId: 'hids', interviews: 3 }]);
    }
    // Each export clears the temporary files earlier crashes left under its name: one is left.
    expect(readdirSync(out)).toHaveLength(1);

    const done = await runChild([...args, '--no-pause'], false);
    const [batch] = JSON.parse(done.stdout.trim()) as { sequence: number; fileName: string; path: string }[];
    expect(batch!.sequence).toBe(1);
    // The next export cleared the crashed rounds' temporary files of its name.
    expect(readdirSync(out)).toEqual([batch!.fileName]);
    const opened = await openBatch(readFileSync(batch!.path), IDENTITY, { pinnedDeviceKey: key.publicKey });
    expect(opened.interviews).toHaveLength(3);
    expect(core.services.batches.pending()).toEqual([]);
  }, 400_000);
});
