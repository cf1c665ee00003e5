// Writes the interviews' attached files beside the exported data (shared/exports/media.ts says
// where each goes; the data column holds the same relative path).
import fs from 'node:fs';
import path from 'node:path';
import type { ExportInterview } from '../../shared/exports/fromForm';
import { mediaAttachments } from '../../shared/exports/media';
import type { FormModel } from '../../shared/forms/model';

/** Returns the relative paths written (with `/`). */
export function writeMediaFiles(outDir: string, form: FormModel, interviews: Iterable<ExportInterview>): string[] {
  const written: string[] = [];
  const root = path.resolve(outDir);
  for (const a of mediaAttachments(form, interviews)) {
    const target = path.resolve(root, ...a.file.split('/'));
    // The path pieces are sanitised already; this keeps any file inside the export folder regardless.
    if (!target.startsWith(root + path.sep)) throw new Error(`attachment path outside the export folder: ${a.file}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, Buffer.from(a.base64, 'base64'));
    written.push(a.file);
  }
  return written;
}
