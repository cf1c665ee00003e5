// Command-line options of the preview host; flags win over environment variables.
import { PREVIEW_HOST } from './server';

export interface PreviewArgs {
  port: number;
  db: string | null;
  json: boolean;
  seedDemo: boolean;
  rendererDir: string | null;
  /** Where `batch:export` writes (the preview host has no folder dialog): --export-dir or KHAOSAT_EXPORT_DIR. */
  exportDir: string | null;
  /** The analyst's face (no dialogs here): the key folder, the folder to import, where data exports go, the analyst store. */
  analystKeysDir: string | null;
  importDir: string | null;
  dataExportDir: string | null;
  analystDb: string | null;
  /** Where `analysis:reportPdf` writes its PDF (no save dialog here): --report-dir or KHAOSAT_REPORT_DIR. */
  reportDir: string | null;
}

export function parsePreviewArgs(argv: readonly string[], env: NodeJS.ProcessEnv): PreviewArgs {
  const args: PreviewArgs = {
    port: 0,
    db: env.KHAOSAT_DB || null,
    json: false,
    seedDemo: false,
    rendererDir: null,
    exportDir: env.KHAOSAT_EXPORT_DIR || null,
    analystKeysDir: env.KHAOSAT_ANALYST_KEYS_DIR || null,
    importDir: env.KHAOSAT_IMPORT_DIR || null,
    dataExportDir: env.KHAOSAT_DATA_EXPORT_DIR || null,
    analystDb: env.KHAOSAT_ANALYST_DB || null,
    reportDir: env.KHAOSAT_REPORT_DIR || null,
  };
  let portText = env.KHAOSAT_PREVIEW_PORT || '0';
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': portText = value(); break;
      case '--db': args.db = value(); break;
      case '--renderer': args.rendererDir = value(); break;
      case '--export-dir': args.exportDir = value(); break;
      case '--analyst-keys': args.analystKeysDir = value(); break;
      case '--import-dir': args.importDir = value(); break;
      case '--data-export-dir': args.dataExportDir = value(); break;
      case '--analyst-db': args.analystDb = value(); break;
      case '--report-dir': args.reportDir = value(); break;
      case '--json': args.json = true; break;
      case '--seed-demo': args.seedDemo = true; break;
      case '--host': {
        // Accepted only to refuse clearly: the host is a test face, never on a network.
        const host = value();
        if (host !== PREVIEW_HOST) throw new Error(`the preview host binds to ${PREVIEW_HOST} only, not ${host}`);
        break;
      }
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  if (!/^[0-9]{1,5}$/.test(portText) || Number(portText) > 65535) throw new Error(`bad port ${portText}`);
  args.port = Number(portText);
  return args;
}
