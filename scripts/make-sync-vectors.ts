// Writes the file-format test vectors in test/fixtures/sync/ (docs/file-formats.md): fixed keys,
// a survey package and a batch, each with its expected canonical manifest and signature.
// Run: npx tsx scripts/make-sync-vectors.ts
//
// The package is deterministic and comes out identical on every run. A batch's age payload is
// not (random file key), so an existing vector.ksbatch keeps its payload and is re-signed, which
// gives the same bytes again; delete it to make a new one.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalJson } from '../shared/formats/canonical-json';
import { BATCH_FORMAT_VERSION, BATCH_PAYLOAD_FORMAT, type InterviewRecord } from '../shared/formats/batch';
import { generateAgeKeyPair, recipientOf } from '../electron/sync/age';
import { BATCH_CONTAINER, readBatchManifest, writeBatch } from '../electron/sync/batch';
import { HEADER_BYTES, writeContainer } from '../electron/sync/container';
import { sha256 } from '../electron/sync/hash';
import { signingKeyFromSeed } from '../electron/sync/signing';
import { createSurveyPackage, readSurveyPackage } from '../electron/sync/survey-package';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'sync');
mkdirSync(join(OUT, 'package'), { recursive: true });
const write = (name: string, data: string | Uint8Array) => writeFileSync(join(OUT, name), data);

// Test keys, public on purpose: never use them for anything real.
const analystSeed = sha256('KhaoSat test vector: analyst signing key');
const deviceSeed = sha256('KhaoSat test vector: device signing key');
write('analyst-signing.seed.hex', `${analystSeed.toString('hex')}\n`);
write('device-signing.seed.hex', `${deviceSeed.toString('hex')}\n`);
const identityPath = join(OUT, 'analyst-age.key');
if (!existsSync(identityPath)) write('analyst-age.key', `${(await generateAgeKeyPair()).identity}\n`);
const identity = readFileSync(identityPath, 'utf8').trim();
const recipient = await recipientOf(identity);
write('analyst-age.pub', `${recipient}\n`);
const analyst = signingKeyFromSeed(analystSeed);
const device = signingKeyFromSeed(deviceSeed);

// ---- survey package ----
const parts = {
  'form.json': `${JSON.stringify({ formId: 'hids-2026', version: '2026.1', title: { vi: 'Khảo sát HIDS 2026' }, children: [] })}\n`,
  'units.csv': 'code,type,name_vi,name_en\n26734,Phường,Phường Bến Thành,Ben Thanh Ward\n26737,Phường,Phường Sài Gòn,Saigon Ward\n',
  'quotas.csv': 'unit_code,target\n26734,30\n26737,30\n',
} as const;
for (const [name, content] of Object.entries(parts)) write(join('package', name), content);
const packageInput = {
  survey: { id: 'hids-2026', title: 'Khảo sát sự hài lòng HIDS 2026', formVersion: '2026.1' },
  recipient,
  createdAt: '2026-11-30T08:00:00.000Z',
};
write('package/input.json', `${JSON.stringify(packageInput, null, 2)}\n`);
const kspkg = createSurveyPackage(
  { ...packageInput, parts: Object.fromEntries(Object.entries(parts).map(([n, c]) => [n, Buffer.from(c)])) as never },
  analyst,
);
const pkg = readSurveyPackage(kspkg, { pinnedSigner: analyst.publicKey });
write('vector.kspkg', kspkg);
write('vector.kspkg.manifest.json', pkg.manifestBytes);
write('vector.kspkg.signature.hex', `${pkg.signature.toString('hex')}\n`);

// ---- batch ----
const deviceId = '0b3c6f4e-7d2a-4c1b-9e8f-1a2b3c4d5e6f';
const record = (id: string, revision: number, outcome: string, answers: InterviewRecord['answers']): InterviewRecord => ({
  id,
  revision,
  surveyId: 'hids-2026',
  formVersion: '2026.1',
  deviceId,
  surveyorCode: 'DTV01',
  unitCode: '26734',
  outcome,
  createdAt: '2026-11-30T09:00:00.000Z',
  completedAt: '2026-11-30T09:20:00.000Z',
  approvedAt: '2026-11-30T17:00:00.000Z',
  answers,
  paradata: [{ at: '2026-11-30T09:00:30.000Z', event: 'shown', path: 'q1', detail: null }],
});
const records = [
  record('1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b', 0, 'refused', []),
  record('5f0c2a1e-3b4d-4e6f-8a9b-0c1d2e3f4a5b', 2, 'completed', [
    { path: 'q1', value: 4, missing: null, savedAt: '2026-11-30T09:01:00.000Z' },
    { path: 'q2', value: null, missing: 'dont_know', savedAt: '2026-11-30T09:02:00.000Z' },
    { path: 'ten', value: 'Nguyễn Văn A', missing: null, savedAt: '2026-11-30T09:03:00.000Z' },
  ]),
];
const batchInput = {
  batchId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  deviceId,
  sequence: 1,
  createdAt: '2026-11-30T18:00:00.000Z',
  recipient,
  interviews: records,
};
write('batch-input.json', `${JSON.stringify(batchInput, null, 2)}\n`);
const batchPath = join(OUT, 'vector.ksbatch');
let ksbatch: Buffer;
if (existsSync(batchPath)) {
  // Keep the stored payload; the manifest and signature are deterministic around it.
  const old = readBatchManifest(readFileSync(batchPath));
  ksbatch = writeContainer(BATCH_CONTAINER, old.manifest, old.payload, device);
} else {
  ksbatch = (await writeBatch(batchInput, device)).bytes;
}
const envelope = readBatchManifest(ksbatch, { pinnedDeviceKey: device.publicKey });
write('vector.ksbatch', ksbatch);
write('vector.ksbatch.manifest.json', envelope.manifestBytes);
write('vector.ksbatch.signature.hex', `${envelope.signature.toString('hex')}\n`);
write(
  'vector.ksbatch.payload.json',
  canonicalJson({ format: BATCH_PAYLOAD_FORMAT, formatVersion: BATCH_FORMAT_VERSION, batchId: batchInput.batchId, interviews: records }),
);
console.log(`package ${kspkg.length} bytes (manifest ${pkg.manifestBytes.length}), batch ${ksbatch.length} bytes (manifest ${envelope.manifestBytes.length}, header ${HEADER_BYTES})`);
