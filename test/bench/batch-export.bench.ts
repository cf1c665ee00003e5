// Benchmark: batch export of N approved interviews (default 5,000 in `npm run bench`; set
// KHAOSAT_BENCH_EXPORT_INTERVIEWS) with 80 answers and 160 paradata events each, through the real
// service — read, records, canonical JSON, gzip, age encryption, signature, atomic write, ledger —
// next to a baseline in the same run: reading the same rows through the same repositories and
// writing the same canonical JSON bytes to a file with fsync, no compression and no crypto.
// Each export runs in its own child process (batch-export-child.ts), so the peak RSS measured is
// the export's own, whatever ran before it in the same `npm run bench`. The interviews are
// inserted with SQL (the save path has its own bench); each export runs on a fresh copy of the
// database, since export marks them.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, openSync, closeSync, fsyncSync, writeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { canonicalJson } from '../../shared/formats/canonical-json';
import { createCore } from '../../electron/services';
import { installSurvey } from '../../electron/services/seed';
import { interviewForm } from '../fixtures/forms/interviewForm';
import type { BatchExportChildResult } from './batch-export-child';

const ANSWERS = 80;
const PARADATA = 160;
/** The streamed export's aim (issue 8): well under 1 GB; the export's own process. */
const RSS_BUDGET_MB = 300;
const RECIPIENT_FILE = join(import.meta.dirname, '../fixtures/sync/analyst-age.pub');
const run = promisify(execFile);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function seed(dbPath: string, interviews: number): Promise<void> {
  const core = createCore({ dbPath, scryptParams: { N: 2 ** 10, r: 8, p: 1 } });
  try {
    const sup = await core.services.users.createFirstSupervisor({ code: 'GS01', name: 'Giám sát', secret: '24681357' });
    const dtv = await core.services.users.createUser(sup, { code: 'DTV01', name: 'Điều tra', role: 'surveyor', secret: '1358' });
    installSurvey(core.db, { id: 'hids', title: 'HIDS', formVersion: 'v1', definition: interviewForm('v1') });
    const insI = core.db.prepare(`INSERT INTO interviews (id, revision, status, device_id, surveyor_id, survey_id, form_version, unit_code,
      created_at, updated_at, completed_at, outcome, consent) VALUES (?, 0, 'approved', ?, ?, 'hids', 'v1', '26734', ?, ?, ?, 'completed', 1)`);
    const insA = core.db.prepare('INSERT INTO answers VALUES (?, ?, ?, NULL, ?)');
    const insP = core.db.prepare('INSERT INTO paradata (interview_id, at, event, path, detail) VALUES (?, ?, ?, ?, ?)');
    const audit = core.db.prepare("INSERT INTO audit_log (at, user_id, action, entity, entity_id) VALUES (?, ?, 'interview_approved', 'interview', ?)");
    core.db.transaction(() => {
      for (let i = 0; i < interviews; i++) {
        const id = randomUUID();
        const t0 = Date.UTC(2026, 10, 1) + i * 60_000;
        const at = (ms: number) => new Date(t0 + ms).toISOString();
        insI.run(id, core.deviceId, dtv.id, at(0), at(900_000), at(900_000));
        for (let q = 1; q <= ANSWERS; q++) insA.run(id, `q${q}`, q % 3 === 0 ? `"${(q % 5) + 1}"` : String(q * 7 + (i % 50)), at(q * 10_000));
        for (let e = 0; e < PARADATA; e++) {
          insP.run(id, at(e * 5_000), e % 2 ? 'answered' : 'shown', `q${(e >> 1) + 1}`, JSON.stringify({ clientAt: at(e * 5_000 - 120) }));
        }
        audit.run(at(1_000_000), sup.id, id);
      }
    })();
  } finally {
    core.close();
  }
}

export async function runBatchExportBench(opts: { interviews?: number; rounds?: number } = {}) {
  const interviews = opts.interviews ?? 5_000;
  const rounds = opts.rounds ?? 3;
  const dir = mkdtempSync(join(tmpdir(), 'khaosat-export-bench-'));
  try {
    const seeded = join(dir, 'seed.sqlite');
    await seed(seeded, interviews);
    const exportMs: number[] = [];
    const plainMs: number[] = [];
    let batchBytes = 0;
    let plainBytes = 0;
    let exportRssMb = 0;
    for (let k = 0; k < rounds; k++) {
      const dbPath = join(dir, `round-${k}.sqlite`);
      copyFileSync(seeded, dbPath);
      // Baseline: the same rows through the same repositories, the same canonical JSON, one
      // fsynced file, row by row (so the baseline's own memory does not hide the export's).
      const core = createCore({ dbPath });
      try {
        const t0 = performance.now();
        const file = join(dir, `plain-${k}.json`);
        const fd = openSync(file, 'w');
        plainBytes = core.db.transaction(() => writeRows(core, fd))();
        fsyncSync(fd);
        closeSync(fd);
        plainMs.push(performance.now() - t0);
      } finally {
        core.close();
      }
      const out = join(dir, `out-${k}`);
      mkdirSync(out);
      const r = await exportInChild(dbPath, out);
      if (r.interviews !== interviews) throw new Error(`exported ${r.interviews} of ${interviews}`);
      exportMs.push(r.ms);
      exportRssMb = Math.max(exportRssMb, r.maxRssMb);
      batchBytes = r.bytes;
    }
    const ratio = median(exportMs) / median(plainMs);
    return {
      name: `Batch export: ${interviews.toLocaleString('en')} approved interviews (${ANSWERS} answers, ${PARADATA} paradata events each)`,
      rows: [
        { label: 'read the same rows, canonical JSON, write + fsync (no gzip, no crypto)', median: median(plainMs), unit: 'ms' },
        { label: 'export: records, gzip, age, signature, atomic write, ledger', median: median(exportMs), unit: 'ms' },
        { label: 'batch file size', value: batchBytes / 2 ** 20, unit: 'MiB' },
        { label: 'plain JSON size', value: plainBytes / 2 ** 20, unit: 'MiB' },
        { label: 'peak RSS of the export process (highest of the rounds)', value: exportRssMb, unit: 'MB' },
      ],
      ratio,
      ratioLabel: 'export median / plain read + write median',
      budgets: [{ label: 'peak RSS of the export process', measured: exportRssMb, limit: RSS_BUDGET_MB, unit: 'MB' }],
      notes: [
        `${rounds} rounds on fresh copies of one SQLite file in /tmp, medians; the ledger keeps the batch's bytes (a BLOB of the file's size)`,
        'no budget on time in ARCHITECTURE.md; the ratio shows what gzip + age + signing cost over reading and writing the same data',
        'each export runs in its own child process (node + tsx, the service opened on the copy, export, close), so its peak RSS is its own and the time excludes the process start',
        'memory: the export streams (one record at a time through canonical JSON, gzip and age); what it holds is the ciphertext, which the ledger stores as a BLOB anyway, and the manifest',
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function exportInChild(dbPath: string, outDir: string): Promise<BatchExportChildResult> {
  const script = join(import.meta.dirname, 'batch-export-child.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, dbPath, outDir, RECIPIENT_FILE], {
    cwd: join(import.meta.dirname, '../..'),
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as BatchExportChildResult;
}

/** The records the export builds, read the same way (answers and paradata per interview), written one by one; returns the bytes written. */
function writeRows(core: ReturnType<typeof createCore>, fd: number): number {
  const ids = core.db.prepare("SELECT id FROM interviews WHERE status = 'approved' ORDER BY id").pluck().all() as string[];
  const answers = core.db.prepare('SELECT * FROM answers WHERE interview_id = ? ORDER BY path');
  const paradata = core.db.prepare('SELECT * FROM paradata WHERE interview_id = ? ORDER BY id');
  const interview = core.db.prepare('SELECT * FROM interviews WHERE id = ?');
  let written = writeSync(fd, '[');
  ids.forEach((id, i) => {
    const row = {
      ...(interview.get(id) as object),
      answers: (answers.all(id) as { path: string; value: string; missing: string | null; saved_at: string }[]).map((a) => ({
        path: a.path,
        value: JSON.parse(a.value),
        missing: a.missing,
        savedAt: a.saved_at,
      })),
      paradata: (paradata.all(id) as { at: string; event: string; path: string | null; detail: string | null }[]).map((p) => ({
        at: p.at,
        event: p.event,
        path: p.path,
        detail: p.detail === null ? null : JSON.parse(p.detail),
      })),
    };
    written += writeSync(fd, (i > 0 ? ',' : '') + canonicalJson(row));
  });
  return written + writeSync(fd, ']');
}
