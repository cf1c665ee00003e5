// One measured run of the import bench, in its own process so its peak RSS is the import's alone:
// `tsx import-child.ts import|bare TARGET KEYS_DIR PACKAGE BATCH_DIR` prints one JSON line.
// - import: registers the package (not timed), then times importBatchFiles over every file — read,
//   verify, decrypt, validate, apply with the ledger, one transaction per batch.
// - bare: for each file, opens it (not timed), builds the rows the import would write, then times
//   only inserting them into the same kind of store through the same Kysely handle — the ledger
//   row, the interviews and the answers in multi-row inserts, one transaction per batch — with
//   no verification, decryption, validation, no reads and no rules.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Insertable } from 'kysely';
import { registerSurveyPackage } from '../../electron/analyst/forms';
import { importBatchFiles, listBatchFiles } from '../../electron/analyst/import';
import type { AnswerTable, InterviewTable } from '../../electron/analyst/schema';
import { openAnalystStore } from '../../electron/analyst/store';
import { ANALYST_KEY_FILES, loadAnalystIdentity } from '../../electron/sync/analyst-keys';
import { openBatch } from '../../electron/sync/batch';
import { sha256Hex } from '../../electron/sync/hash';
import { readSigningPublicKeyFile } from '../../electron/sync/key-files';

const [mode, target, keysDir, packagePath, batchDir] = process.argv.slice(2);
if ((mode !== 'import' && mode !== 'bare') || !target || !keysDir || !packagePath || !batchDir) throw new Error('usage: import-child.ts import|bare TARGET KEYS_DIR PACKAGE BATCH_DIR');
const files = listBatchFiles([batchDir]);

const identity = await loadAnalystIdentity(keysDir);
const store = await openAnalystStore(target);
try {
  const signer = await readSigningPublicKeyFile(join(keysDir, ANALYST_KEY_FILES.signingPublicKey));
  await registerSurveyPackage(store, readFileSync(packagePath), signer.publicKey);
  let ms = 0;
  // CPU time of this process in the timed sections (user + system): steadier than wall time on a
  // shared machine; PostgreSQL's own work is in its server processes and not counted here.
  let cpuMs = 0;
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  if (mode === 'import') {
    const t0 = performance.now();
    const c0 = cpu();
    const report = await importBatchFiles(store, files, { identity });
    ms = performance.now() - t0;
    cpuMs = cpu() - c0;
    const refused = report.batches.filter((b) => b.status !== 'imported');
    if (refused.length > 0) throw new Error(`${refused.length} batches not imported: ${refused[0]!.file} ${refused[0]!.status} ${refused[0]!.reason ?? ''}`);
  } else {
    for (const file of files) {
      const bytes = readFileSync(file);
      const opened = await openBatch(bytes, identity);
      const { manifest } = opened;
      const interviews: Insertable<InterviewTable>[] = [];
      const answers: Insertable<AnswerTable>[] = [];
      opened.interviews.forEach((r, i) => {
        const contentHash = manifest.interviews[i]!.contentHash;
        interviews.push({
          id: r.id, revision: r.revision, content_hash: contentHash, status: 'current', device_id: r.deviceId, surveyor_code: r.surveyorCode,
          unit_code: r.unitCode, survey_id: r.surveyId, form_version: r.formVersion, outcome: r.outcome, created_at: r.createdAt,
          completed_at: r.completedAt, approved_at: r.approvedAt, batch_id: manifest.batchId,
        });
        for (const a of r.answers) {
          answers.push({ interview_id: r.id, revision: r.revision, content_hash: contentHash, path: a.path, value: JSON.stringify(a.value), missing: a.missing, saved_at: a.savedAt });
        }
      });
      const t0 = performance.now();
      const c0 = cpu();
      await store.db.transaction().execute(async (trx) => {
        await trx.insertInto('batch_arrivals').values({
          file_name: file, file_sha256: sha256Hex(bytes), batch_id: manifest.batchId, device_id: manifest.device.id, sequence: manifest.sequence,
          status: 'imported', reason: null, counts: null, received_at: new Date().toISOString(),
        }).execute();
        await trx.insertInto('devices').values({ id: manifest.device.id, public_key: manifest.device.publicKey, fingerprint: manifest.device.fingerprint, first_seen_at: new Date().toISOString() })
          .onConflict((oc) => oc.column('id').doNothing()).execute();
        for (let i = 0; i < interviews.length; i += 1_000) await trx.insertInto('interviews').values(interviews.slice(i, i + 1_000)).execute();
        for (let i = 0; i < answers.length; i += 2_000) await trx.insertInto('answers').values(answers.slice(i, i + 2_000)).execute();
      });
      ms += performance.now() - t0;
      cpuMs += cpu() - c0;
    }
  }
  const rows = await store.db.selectFrom('answers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const interviews = await store.db.selectFrom('interviews').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  process.stdout.write(`${JSON.stringify({ mode, ms, cpuMs, rssMb: process.resourceUsage().maxRSS / 1024, interviews: Number(interviews.n), answers: Number(rows.n) })}\n`);
} finally {
  await store.close();
}
