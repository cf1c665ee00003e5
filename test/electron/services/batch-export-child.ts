// Child process for the export crash test: exports as the operator, and once the batch file is
// written and fsynced under its temporary name — before the rename — says so and waits to be
// killed (SIGKILL by the parent). With `--no-pause` it exports to the end and prints the result.
import { createCore } from '../../../electron/services';
import { openDeviceSigningKey } from '../../../electron/sync/device-key';
import { plainProtector } from '../../../electron/sync/key-protector';

const [dbPath, keyPath, outDir, recipient, mode] = process.argv.slice(2);
const core = createCore({
  dbPath: dbPath!,
  batchExport: {
    deviceKey: async () => (await openDeviceSigningKey(keyPath!, plainProtector())).key,
    ...(mode === '--no-pause'
      ? {}
      : {
          beforePlace: async (temp: string) => {
            process.stdout.write(`written ${temp}\n`);
            // Wait for the kill; the timer keeps the event loop alive (a bare pending promise at
            // top level would let Node exit with code 13 before the parent's SIGKILL lands).
            await new Promise(() => setInterval(() => {}, 60_000));
          },
        }),
  },
});
const batches = await core.services.batches.export(null, { outDir: outDir!, recipientFor: () => recipient! });
process.stdout.write(`${JSON.stringify(batches)}\n`);
core.close();
