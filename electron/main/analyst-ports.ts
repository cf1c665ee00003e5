// What the desktop app plugs into the analyst's face (thin; the work is in services/analysis.ts):
// - the analyst store: KHAOSAT_ANALYST_DB (a postgres:// URL for a shared office) or
//   analyst.sqlite beside the laptop database (the core's default);
// - the analyst's decryption key kept as the laptop key is: safeStorage when it really encrypts,
//   else KHAOSAT_DEVICE_KEY_PASSPHRASE, else refused (key_unavailable);
// - the dialogs: the key folder, batch files or a folder to import, the export folder.
import { ANALYST_DB_ENV, type AnalystPorts } from '../services/analysis';
import { SURVEY_PACKAGE_EXTENSION } from '../sync/survey-package';
import { BATCH_EXTENSION } from '../sync/batch';
import { deviceKeyProtector, type MainSafeStorage } from './batch-export-ports';

export interface OpenDialog {
  showOpenDialog(options: {
    title: string;
    properties: ('openFile' | 'openDirectory' | 'multiSelections' | 'createDirectory')[];
    filters?: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export function mainAnalystPorts(deps: { safeStorage: MainSafeStorage; dialog: OpenDialog; env: NodeJS.ProcessEnv }): Partial<AnalystPorts> {
  const pick = async (title: string, properties: Parameters<OpenDialog['showOpenDialog']>[0]['properties'], filters?: { name: string; extensions: string[] }[]) => {
    const chosen = await deps.dialog.showOpenDialog({ title, properties, ...(filters ? { filters } : {}) });
    return chosen.canceled || chosen.filePaths.length === 0 ? null : chosen.filePaths;
  };
  const target = deps.env[ANALYST_DB_ENV];
  return {
    ...(target ? { target } : {}),
    keyProtector: () => deviceKeyProtector(deps.safeStorage, deps.env),
    chooseKeyFolder: async () => (await pick('Chọn thư mục khóa của nhà phân tích / Choose the analyst key folder', ['openDirectory']))?.[0] ?? null,
    chooseImport: (kind) =>
      kind === 'folder'
        ? pick('Chọn thư mục chứa lô dữ liệu / Choose the folder of batches', ['openDirectory'])
        : pick('Chọn tệp lô dữ liệu / Choose batch files', ['openFile', 'multiSelections'], [
            { name: 'KhaoSat', extensions: [BATCH_EXTENSION.slice(1), SURVEY_PACKAGE_EXTENSION.slice(1)] },
          ]),
    chooseExportFolder: async () => (await pick('Chọn thư mục để xuất dữ liệu / Choose the folder to export data to', ['openDirectory', 'createDirectory']))?.[0] ?? null,
  };
}
