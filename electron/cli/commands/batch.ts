// `khaosat batch export|list|reexport`: batches from this laptop's database. Export writes one
// signed, encrypted batch per survey with approved interviews not yet exported at their revision;
// list shows the outgoing ledger; reexport writes a past batch again, byte-identical.
// The analyst's recipient comes from --recipient or --keys DIR (its encryption.pub); once survey
// packages are installed, the package supplies it.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isAgeRecipient } from '../../sync/age';
import { readAgeRecipientFile } from '../../sync/key-files';
import { createCore } from '../../services';
import { deviceKeyPathFor, openCliDeviceKey } from '../device-key';
import { deviceLabelOf } from '../../services/batches';
import { readDeviceKeyFingerprint } from '../../sync/device-key';
import { dbTarget, prepareDbTarget } from '../db-target';
import { CliError, usageError, type CliIo } from '../io';
import { printJson, printTable } from '../output';

async function recipientOf(values: { recipient?: string; keys?: string }, io: CliIo): Promise<string> {
  if (values.recipient && values.keys) throw usageError('give --recipient or --keys, not both');
  if (values.recipient) {
    if (!isAgeRecipient(values.recipient)) {
      throw new CliError(`--recipient: không phải khóa age (age1…) / not an age recipient (age1…): ${values.recipient}`, 2);
    }
    return values.recipient;
  }
  if (values.keys) return (await readAgeRecipientFile(join(resolve(io.cwd, values.keys), 'encryption.pub'))).recipient;
  throw usageError("missing --recipient age1… or --keys DIR (the analyst's encryption.pub)");
}

function openCore(dbOption: string | undefined, io: CliIo, passphraseFlag: boolean) {
  const path = prepareDbTarget(dbTarget(dbOption, io), { createDefaultFolder: false });
  const core = createCore({
    dbPath: path,
    batchExport: {
      deviceKey: async () =>
        (
          await openCliDeviceKey({
            dbPath: path,
            env: io.env,
            askPassphrase: passphraseFlag ? () => io.readSecret('Cụm mật khẩu của khóa máy / device key passphrase: ') : null,
            note: (text) => io.err(text),
          })
        ).key,
    },
  });
  return core;
}

export async function batchExportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      db: { type: 'string' },
      keys: { type: 'string' },
      recipient: { type: 'string' },
      passphrase: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.out) throw usageError('missing --out DIR');
  const outDir = resolve(io.cwd, values.out);
  const recipient = await recipientOf(values, io);
  const core = openCore(values.db, io, values.passphrase);
  try {
    mkdirSync(outDir, { recursive: true });
    const batches = await core.services.batches.export(null, { outDir, recipientFor: () => recipient });
    if (values.json) printJson(io, { batches });
    else if (batches.length === 0) {
      io.out('Không có phỏng vấn nào đã duyệt mà chưa xuất; không ghi tệp nào.\nNothing to export: no approved interview waits for export; no file written.\n');
    } else {
      printTable(io, ['sequence', 'survey', 'interviews', 'file', 'sha256'], batches.map((b) => [b.sequence, b.surveyId, b.interviews.length, b.path, b.fileSha256]));
    }
    return 0;
  } finally {
    core.close();
  }
}

export async function batchListCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
  const core = openCore(values.db, io, false);
  try {
    const batches = core.services.batches.list();
    // Which laptop this is, as the analyst sees it: the label in file names and the key's fingerprint to compare aloud.
    const device = { id: core.deviceId, label: deviceLabelOf(core.deviceId), fingerprint: await readDeviceKeyFingerprint(deviceKeyPathFor(core.db.name)) };
    if (values.json) printJson(io, { device, batches, pending: core.services.batches.pending() });
    else {
      io.out(`Máy / device: ${device.label} (${device.id})\n`);
      io.out(`Vân tay khóa ký / signing-key fingerprint: ${device.fingerprint ?? 'chưa tạo, sẽ tạo khi xuất lô đầu tiên / not made yet, made at the first export'}\n`);
      if (batches.length === 0) io.out('Chưa xuất lô nào / no batch exported yet.\n');
      else printTable(io, ['sequence', 'created', 'interviews', 'bytes', 'file', 'sha256'], batches.map((b) => [b.sequence, b.createdAt, b.interviewCount, b.size, b.fileName, b.fileSha256]));
      for (const p of core.services.batches.pending()) io.out(`Chờ xuất / waiting for export: ${p.surveyId} ${p.interviews}\n`);
    }
    return 0;
  } finally {
    core.close();
  }
}

export async function batchReexportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { seq: { type: 'string' }, out: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  if (!values.out) throw usageError('missing --out DIR');
  if (!values.seq || !/^[1-9][0-9]{0,9}$/.test(values.seq)) throw usageError('--seq N: the sequence number of a past batch (1, 2, 3…)');
  const outDir = resolve(io.cwd, values.out);
  const core = openCore(values.db, io, false);
  try {
    mkdirSync(outDir, { recursive: true });
    const batch = await core.services.batches.reexport(null, { sequence: Number(values.seq), outDir });
    if (values.json) printJson(io, batch);
    else printTable(io, ['sequence', 'interviews', 'file', 'sha256'], [[batch.sequence, batch.interviews.length, batch.path, batch.fileSha256]]);
    return 0;
  } finally {
    core.close();
  }
}
