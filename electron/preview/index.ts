// `node dist/electron/preview.cjs`: the loopback preview host. Serves the built renderer and the
// contract over HTTP on 127.0.0.1 with a per-run token, for Playwright and UI development.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readBundledInstruments } from '../instruments/builtin';
import { deviceKeyPathFor, openCliDeviceKey } from '../cli/device-key';
import { readDeviceKeyFingerprint } from '../sync/device-key';
import { createCore } from '../services';
import { DEVICE_KEY_PASSPHRASE_ENV, recipientFromEnv } from '../services/batches';
import { passphraseProtector, plainProtector } from '../sync/key-protector';
import { openCoreOrRecovery } from '../services/recovery';
import { chromiumPrinter, findChromium } from '../reports/pdf';
import { parsePreviewArgs } from './args';
import { DEMO_USERS, seedDemo } from './demo';
import { createPreviewServer, listenOnLoopback, PREVIEW_HOST } from './server';

function defaultRendererDir(): string {
  // The bundle sits in dist/electron/, the renderer in dist/renderer/.
  const besideBundle = path.resolve(__dirname, '..', 'renderer');
  return existsSync(besideBundle) ? besideBundle : path.resolve('dist', 'renderer');
}

async function main(): Promise<void> {
  const args = parsePreviewArgs(process.argv.slice(2), process.env);
  let tempDir: string | null = null;
  const dbPath = args.db ?? path.join((tempDir = mkdtempSync(path.join(os.tmpdir(), 'khaosat-preview-'))), 'preview.sqlite');
  const rendererDir = args.rendererDir ?? defaultRendererDir();
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`no built renderer in ${rendererDir}: run npm run build first`);
  }

  // This laptop's key beside the database, as for the CLI: made on first use (here or at export).
  const openDeviceKey = async () => (await openCliDeviceKey({ dbPath, env: process.env, askPassphrase: null, note: (t) => console.error(t) })).key;
  // A lost database (missing or empty beside backups) serves the recovery operations, as the app does.
  const core = openCoreOrRecovery(createCore, {
    dbPath,
    appVersion: process.env.npm_package_version ?? '0.0.0-preview',
    // The same built-in instruments as the app, from dist/electron/instruments.json.
    builtinInstruments: readBundledInstruments(__dirname),
    // batch:export writes into the configured folder (no dialog here); the device key sits beside
    // the database as for the CLI; the analyst's recipient comes from KHAOSAT_ANALYST_RECIPIENT.
    batchExport: {
      deviceKey: openDeviceKey,
      chooseFolder: async () => (args.exportDir ? path.resolve(args.exportDir) : null),
      recipientFor: recipientFromEnv(process.env),
    },
    // app:status shows the key's fingerprint: the public half of the key file, the key made now if absent.
    deviceFingerprint: async () => (await readDeviceKeyFingerprint(deviceKeyPathFor(dbPath))) ?? (await openDeviceKey()).fingerprint,
    // The analyst's face: dialogs answered from the configuration; the decryption key kept as the
    // CLI keeps the device key (KHAOSAT_DEVICE_KEY_PASSPHRASE, else an owner-only file).
    analyst: {
      ...(args.analystDb ? { target: args.analystDb } : {}),
      keyProtector: () => {
        const passphrase = process.env[DEVICE_KEY_PASSPHRASE_ENV];
        return passphrase ? passphraseProtector(passphrase) : plainProtector();
      },
      chooseKeyFolder: async () => (args.analystKeysDir ? path.resolve(args.analystKeysDir) : null),
      chooseImport: async () => (args.importDir ? [path.resolve(args.importDir)] : null),
      chooseExportFolder: async () => (args.dataExportDir ? path.resolve(args.dataExportDir) : null),
      // analysis:reportPdf: the file of the default name in --report-dir (none: cancelled), printed
      // by headless Chromium as `khaosat report --format pdf` does.
      chooseReportFile: async (name) => (args.reportDir ? path.join(path.resolve(args.reportDir), name) : null),
      pdfPrinter: () => {
        const chromium = findChromium(process.env);
        return chromium ? chromiumPrinter(chromium) : null;
      },
    },
  });
  const full = core.current();
  const seeded = args.seedDemo && full ? await seedDemo(full) : false;
  const token = randomBytes(32).toString('hex');
  const server = createPreviewServer({ core, token, rendererDir });
  const port = await listenOnLoopback(server, args.port);
  const url = `http://${PREVIEW_HOST}:${port}/#token=${token}`;

  console.log(`KhaoSat preview: ${url}`);
  if (core.mode() === 'recovery') console.log('database missing or empty beside backups: the page shows the recovery screen');
  if (seeded) {
    console.log(`demo users: ${DEMO_USERS.supervisor.code}/${DEMO_USERS.supervisor.secret} (supervisor), ${DEMO_USERS.surveyor.code}/${DEMO_USERS.surveyor.secret} (surveyor), ${DEMO_USERS.analyst.code}/${DEMO_USERS.analyst.secret} (analyst)`);
  }
  if (args.json) console.log(JSON.stringify({ url, port, token, db: dbPath, seeded }));

  const stop = () => {
    server.close();
    server.closeAllConnections();
    core.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`KhaoSat preview: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
