// Attached files (image/audio/video/file answers) leave the export beside the data: each is
// written to `media/<interview id>/<answer path>-<file name>` and the data column holds that
// relative path, so a row and its file are found from each other in any format.
import { parseMediaValue } from '../forms/media';
import { isMediaType } from '../forms/media';
import { listQuestions, type FormModel } from '../forms/model';
import type { ExportInterview } from './fromForm';

export const MEDIA_FOLDER = 'media';

/** `members[2]/photo` → `members_2_photo`: one safe file-name piece per answer path. */
function pathPart(path: string): string {
  return path.replace(/[^\p{L}\p{N}_.-]+/gu, '_').replace(/_+$/, '');
}

/** The relative path (with `/`) an attachment is written to. */
export function mediaExportPath(interviewId: string, path: string, fileName: string): string {
  return `${MEDIA_FOLDER}/${interviewId.replace(/[^A-Za-z0-9_-]/g, '_')}/${pathPart(path)}-${fileName}`;
}

/** Every attachment of the interviews: where it goes and its bytes (base64). */
export function* mediaAttachments(form: FormModel, interviews: Iterable<ExportInterview>): Generator<{ file: string; base64: string }> {
  const media = new Set(listQuestions(form).filter((q) => isMediaType(q.type)).map((q) => q.name));
  if (media.size === 0) return;
  for (const iv of interviews) {
    for (const [path, value] of Object.entries(iv.answers)) {
      if (typeof value !== 'string' || !media.has(path.slice(path.lastIndexOf('/') + 1))) continue;
      const m = parseMediaValue(value);
      if (m) yield { file: mediaExportPath(iv.interviewId, path, m.name), base64: m.base64 };
    }
  }
}
