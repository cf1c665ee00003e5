// The names a survey package gives to the codes the analyst reports by: its Unit frame
// (units.csv) and its agency list (agencies.csv, optional). Stored per survey in the analyst
// store, replacing the names of an earlier package of the same survey, so a corrected frame fixes
// the report. The laptop checks the frame strictly when it installs the package; here only names
// are taken, by header name (`code`, `name_vi`, and `name_en`, `type`/`kind`, `former_province`,
// `former_district` when present), so a list without them names nothing (codes are printed).
import { parseCsv } from '../../shared/forms/csv';
import type { Insertable } from 'kysely';
import type { AgencyTable, UnitTable } from './schema';
import type { AnalystTrx } from './store';

// Rows per multi-row insert: 7 values a row stays far below SQLite's 32,766 bound values.
const ROWS_PER_INSERT = 500;

/** Rows of a CSV as header name → trimmed value, without rows lacking a code or a Vietnamese name; the last of a code wins. */
function namedRows(csv: Uint8Array | undefined): Map<string, Record<string, string>> {
  const byCode = new Map<string, Record<string, string>>();
  if (!csv) return byCode;
  const [header = [], ...rows] = parseCsv(new TextDecoder('utf-8').decode(csv));
  const names = header.map((h) => h.trim());
  if (!names.includes('code') || !names.includes('name_vi')) return byCode;
  for (const r of rows) {
    const row: Record<string, string> = {};
    names.forEach((n, k) => (row[n] = r[k]?.trim() ?? ''));
    if (row.code && row.name_vi) byCode.set(row.code, row);
  }
  return byCode;
}

const orNull = (text: string | undefined) => (text ? text : null);

export function unitRows(surveyId: string, unitsCsv: Uint8Array): Insertable<UnitTable>[] {
  return [...namedRows(unitsCsv).values()].map((r) => ({
    survey_id: surveyId,
    code: r.code!,
    type: r.type ?? '',
    name_vi: r.name_vi!,
    name_en: orNull(r.name_en),
    former_province: orNull(r.former_province),
    former_district: orNull(r.former_district),
  }));
}

/** The agencies of agencies.csv (`code,kind,name_vi,name_en` in the built-in list). */
export function agencyRows(surveyId: string, agenciesCsv: Uint8Array | undefined): Insertable<AgencyTable>[] {
  return [...namedRows(agenciesCsv).values()].map((r) => ({ survey_id: surveyId, code: r.code!, kind: orNull(r.kind), name_vi: r.name_vi!, name_en: orNull(r.name_en) }));
}

/** Replaces the survey's Unit and agency names with the package's, in the caller's transaction. */
export async function storeFrames(trx: AnalystTrx, surveyId: string, units: Insertable<UnitTable>[], agencies: Insertable<AgencyTable>[]): Promise<void> {
  await trx.deleteFrom('units').where('survey_id', '=', surveyId).execute();
  for (let i = 0; i < units.length; i += ROWS_PER_INSERT) await trx.insertInto('units').values(units.slice(i, i + ROWS_PER_INSERT)).execute();
  // A package without agencies.csv keeps the agency names an earlier package gave.
  if (agencies.length === 0) return;
  await trx.deleteFrom('agencies').where('survey_id', '=', surveyId).execute();
  for (let i = 0; i < agencies.length; i += ROWS_PER_INSERT) await trx.insertInto('agencies').values(agencies.slice(i, i + ROWS_PER_INSERT)).execute();
}
