// Atomic writes: the whole file or nothing, under the final name; never over an existing file
// unless asked; and a SIGKILL at any moment leaves no partial file under a final name.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isTemporaryNameOf, temporaryNameFor, writeFileAtomic } from '../../../electron/sync/atomic-write';

const ROOT = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'khaosat-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes the bytes with the asked mode and leaves no temporary file', async () => {
    const path = join(dir, 'a.ksbatch');
    await writeFileAtomic(path, Buffer.from('xin chào'), { mode: 0o600 });
    expect(readFileSync(path, 'utf8')).toBe('xin chào');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['a.ksbatch']);
  });

  it('refuses an existing file (EEXIST) and leaves it as it was, unless overwrite is asked', async () => {
    const path = join(dir, 'b.txt');
    writeFileSync(path, 'old');
    await expect(writeFileAtomic(path, Buffer.from('new'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(path, 'utf8')).toBe('old');
    await writeFileAtomic(path, Buffer.from('new'), { overwrite: true });
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('fails without leaving anything when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'c.txt'), Buffer.from('x'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('names temporary files so a clean-up can recognise them', () => {
    const path = join(dir, 'hids_LAPTOP-07_000001.ksbatch');
    expect(isTemporaryNameOf(path, temporaryNameFor(path))).toBe(true);
    expect(isTemporaryNameOf(path, path)).toBe(false);
    expect(isTemporaryNameOf(path, join(dir, '.other.ksbatch.0123456789ab.tmp'))).toBe(false);
  });

  it('a SIGKILL at any moment leaves every final-named file complete (many rounds)', async () => {
    const size = 1024 * 1024;
    for (let round = 0; round < 8; round++) {
      const roundDir = join(dir, `kill-${round}`);
      mkdirSync(roundDir);
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/electron/sync/atomic-write-child.ts', roundDir, String(size)], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let reported = -1;
      child.stdout.on('data', (d: Buffer) => {
        for (const line of d.toString().split('\n')) if (line) reported = Number(line);
      });
      // Wait until it has written at least one file, then a random extra moment, then kill.
      await new Promise<void>((res) => {
        const wait = setInterval(() => {
          if (reported >= 0) {
            clearInterval(wait);
            setTimeout(res, Math.random() * 40);
          }
        }, 5);
      });
      const exited = new Promise((res) => child.on('exit', res));
      child.kill('SIGKILL');
      await exited;
      const finals = readdirSync(roundDir).filter((n) => n.startsWith('file-'));
      expect(finals.length).toBeGreaterThanOrEqual(reported + 1);
      for (const name of finals) {
        const i = Number(/^file-(\d+)\.bin$/.exec(name)![1]);
        const content = readFileSync(join(roundDir, name));
        expect(content.length, name).toBe(size);
        expect(content.every((b) => b === i % 251), name).toBe(true);
      }
    }
  });
});

describe('readFileBounded', () => {
  it('reads a file within the limit and refuses a larger one or a folder with the given code', async () => {
    const { readFileBounded } = await import('../../../electron/sync/bounded-read');
    const path = join(dir, 'in.ksbatch');
    writeFileSync(path, Buffer.alloc(100, 7));
    expect((await readFileBounded(path, 100, 'batch_damaged')).equals(Buffer.alloc(100, 7))).toBe(true);
    await expect(readFileBounded(path, 99, 'batch_damaged')).rejects.toMatchObject({ code: 'batch_damaged' });
    await expect(readFileBounded(dir, 99, 'package_damaged')).rejects.toMatchObject({ code: 'package_damaged' });
    writeFileSync(join(dir, 'empty'), '');
    expect((await readFileBounded(join(dir, 'empty'), 10, 'batch_damaged')).length).toBe(0);
  });
});
