// Columns the compiler reads, so that any other column gets a warning naming it instead of
// being silently ignored (a misspelt `relevent` would otherwise show every question).
import type { FormIssues } from './errors';
import { suggest } from './names';
import type { Settings } from './settings';
import type { SheetTable } from './workbook';

/** Survey columns KhaoSat reads, or that ODK reads for display only (media, guidance). */
export const SURVEY_COLUMNS: readonly string[] = [
  'type', 'name', 'label', 'hint', 'guidance_hint', 'required', 'required_message', 'constraint', 'constraint_message',
  'relevant', 'calculation', 'default', 'read_only', 'appearance', 'choice_filter', 'repeat_count', 'parameters',
  'missing', 'trigger', 'image', 'big-image', 'audio', 'video', 'media', 'autoplay', 'rows', 'no_app_error_string',
  'note', 'save_to', 'hxl',
];
/** Kobo's own bookkeeping columns in exported forms (`$kuid`, `$autoname`, `kobo--score-choices`). */
const KOBO_COLUMN = /^(\$|kobo--)/;
/** `bind::`, `body::`, `instance::`, `control::` columns are XForm attributes passed through by pyxform. */
const PASS_THROUGH = new Set(['bind', 'body', 'instance', 'control', 'media']);

/** Settings KhaoSat reads, or that ODK servers use and KhaoSat has no use for (`submission_url`, …). */
export const SETTINGS_KEYS: readonly string[] = [
  'form_title', 'form_id', 'version', 'default_language', 'instance_name', 'missing_codes', 'index_satisfied',
  'index_valid', 'allow_choice_duplicates', 'style', 'public_key', 'submission_url', 'auto_send', 'auto_delete',
  'namespaces', 'clean_text_values', 'prefix', 'delimiter', 'sms_keyword', 'sms_separator', 'sms_allow_media',
  'sms_date_format', 'sms_datetime_format', 'instance_xmlns', 'omit_instanceid', 'xml_root',
];

export function unknownColumnWarnings(survey: SheetTable, settings: Settings, issues: FormIssues): void {
  for (const c of survey.columns) {
    if (SURVEY_COLUMNS.includes(c.base) || PASS_THROUGH.has(c.base) || KOBO_COLUMN.test(c.base)) continue;
    const sug = suggest(c.base, SURVEY_COLUMNS);
    issues.warn(
      { sheet: survey.sheet, row: 1, column: c.header, columnIndex: c.index },
      'unknown_column',
      `Cột "${c.header}" không phải cột XLSForm nào nên bị bỏ qua${sug ? `; có phải ý bạn là "${sug}"?` : '.'}`,
      `Column "${c.header}" is not an XLSForm column and is ignored${sug ? `; did you mean "${sug}"?` : '.'}`,
      sug,
    );
  }
  const t = settings.table;
  if (!t) return;
  for (const c of t.columns) {
    if (SETTINGS_KEYS.includes(c.base)) continue;
    const sug = suggest(c.base, SETTINGS_KEYS);
    issues.warn(
      { sheet: t.sheet, row: 1, column: c.header, columnIndex: c.index },
      'unknown_setting',
      `Thiết lập "${c.header}" không được KhaoSat dùng nên bị bỏ qua${sug ? `; có phải ý bạn là "${sug}"?` : '.'}`,
      `Setting "${c.header}" is not used by KhaoSat and is ignored${sug ? `; did you mean "${sug}"?` : '.'}`,
      sug,
    );
  }
}
