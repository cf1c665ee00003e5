// Files dropped on the import page, as names and bytes: plain files, and the .ksbatch / .kspkg
// files of a dropped folder (one level, as `khaosat import DIR` reads it). The bytes go to
// `analysis:import` (the renderer never hands main a path to read).
import { bytesToBase64 } from '../packages/base64';

export const IMPORTABLE = /\.(ksbatch|kspkg)$/i;

interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  file?: (ok: (f: File) => void, fail: (e: unknown) => void) => void;
  createReader?: () => { readEntries: (ok: (entries: Entry[]) => void, fail: (e: unknown) => void) => void };
}

function fileOf(entry: Entry): Promise<File> {
  return new Promise((resolve, reject) => entry.file!(resolve, reject));
}

async function folderFiles(entry: Entry): Promise<File[]> {
  const reader = entry.createReader!();
  const all: Entry[] = [];
  // readEntries answers in pages until an empty one.
  for (;;) {
    const page = await new Promise<Entry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (page.length === 0) break;
    all.push(...page);
  }
  const files = all.filter((e) => e.isFile && IMPORTABLE.test(e.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  return Promise.all(files.map(fileOf));
}

/** The importable files in a drop, folders opened one level. */
export async function droppedFiles(data: DataTransfer): Promise<File[]> {
  const items = Array.from(data.items ?? []);
  const entries = items.map((i) => (typeof i.webkitGetAsEntry === 'function' ? (i.webkitGetAsEntry() as unknown as Entry | null) : null));
  if (entries.length > 0 && entries.every((e) => e !== null)) {
    const out: File[] = [];
    for (const e of entries as Entry[]) {
      if (e.isDirectory) out.push(...(await folderFiles(e)));
      else if (IMPORTABLE.test(e.name)) out.push(await fileOf(e));
    }
    return out;
  }
  return Array.from(data.files ?? []).filter((f) => IMPORTABLE.test(f.name));
}

export async function asUploads(files: File[]): Promise<{ name: string; contentBase64: string }[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, contentBase64: bytesToBase64(new Uint8Array(await f.arrayBuffer())) })));
}
