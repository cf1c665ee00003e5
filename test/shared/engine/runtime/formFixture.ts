// Builds small FormModels through the real XLSForm compiler from rows written as objects, so
// runtime tests read like the spreadsheets survey designers write.
import { compileForm, type Cell, type FormModel } from '../../../../shared/forms';

type Row = Record<string, string | number>;

function sheet(rows: readonly Row[]): { rows: Cell[][] } {
  const headers: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!headers.includes(k)) headers.push(k);
  return { rows: [headers, ...rows.map((r) => headers.map((h) => r[h] ?? null))] };
}

export function formOf(survey: readonly Row[], choices: readonly Row[] = [], settings: Row = { form_id: 'test', version: '1' }): FormModel {
  const sheets: Record<string, { rows: Cell[][] }> = { survey: sheet(survey), settings: sheet([settings]) };
  if (choices.length > 0) sheets['choices'] = sheet(choices);
  const result = compileForm({ fileName: 'test.xlsx', sheets });
  if (!result.ok) throw new Error(`test form does not compile: ${result.errors.map((e) => `${e.row}/${e.column ?? ''}: ${e.messageEn}`).join('; ')}`);
  return result.form;
}

/** The SAT5 scale with DK (9) and N/A (8) as declared missing codes. */
export const SAT5: Row[] = [1, 2, 3, 4, 5, 8, 9].map((n) => ({ list_name: 'sat5', name: n, label: `s${n}` }));
