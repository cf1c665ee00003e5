// One batch export of the batch-export bench in its own process, so its peak RSS is its own
// (not the seeding's, the baseline's, or an earlier bench's in the same `npm run bench`):
//   node --import tsx batch-export-child.ts DB OUT_DIR RECIPIENT_FILE
// Exports every approved interview of DB through the real service into OUT_DIR and prints one
// JSON line: { ms, maxRssMb, interviews, bytes }.
import { readFileSync } from 'node:fs';
import { createCore } from '../../electron/services';
import { generateSigningKey } from '../../electron/sync/signing';

export interface BatchExportChildResult {
  ms: number;
  maxRssMb: number;
  interviews: number;
  bytes: number;
}

const [dbPath, outDir, recipientFile] = process.argv.slice(2) as [string, string, string];
const recipient = readFileSync(recipientFile, 'utf8').trim();
const key = generateSigningKey();
const core = createCore({ dbPath, batchExport: { deviceKey: async () => key } });
let result: BatchExportChildResult;
try {
  const t0 = performance.now();
  const [batch] = await core.services.batches.export(null, { outDir, recipientFor: () => recipient });
  const ms = performance.now() - t0;
  result = { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, interviews: batch?.interviews.length ?? 0, bytes: batch?.size ?? 0 };
} finally {
  core.close();
}
process.stdout.write(`${JSON.stringify(result)}\n`);
