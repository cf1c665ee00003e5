// Deferred WAL checkpoints: queued after a batch of commits, run only once the caller has its answer.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { createCheckpointer, FALLBACK_AUTOCHECKPOINT_PAGES } from '../../../electron/services/checkpoint';
import { removeTempDirs, tempDir } from '../db/fixtures/temp';

afterEach(removeTempDirs);

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('deferred WAL checkpoints', () => {
  it('runs one checkpoint after every N commits, never synchronously inside afterCommit', async () => {
    const db = openDatabase(join(tempDir(), 'cp.sqlite'));
    const cp = createCheckpointer(db, { everyCommits: 5 });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);
    const insert = db.prepare(`INSERT INTO surveys VALUES (?, 'x', '2025-07-01T00:00:00.000Z')`);
    for (let i = 0; i < 4; i++) {
      insert.run(`s${i}`);
      cp.afterCommit();
    }
    await nextTurn();
    expect(cp.runs).toBe(0);
    insert.run('s4');
    cp.afterCommit();
    expect(cp.runs).toBe(0); // queued, not run inside the save
    await nextTurn();
    expect(cp.runs).toBe(1);
    db.close();
  });

  it('a checkpoint queued just before the connection closes is skipped without error', async () => {
    const db = openDatabase(join(tempDir(), 'cp2.sqlite'));
    const cp = createCheckpointer(db, { everyCommits: 1 });
    cp.afterCommit();
    db.close();
    await nextTurn();
    expect(cp.runs).toBe(0);
  });
});
