// Names and order of Units in the charts: the report's name, or the form's units list when the
// report only knows the code; ranked highest index first, Units without an index last.
import type { IndexReport } from '../../../../shared/indices/index-report';
import type { UnitReport } from '../../../../shared/indices/report';

export function unitName(report: Pick<IndexReport, 'frame'>, unit: Pick<UnitReport, 'code' | 'name'>): string {
  if (unit.name && unit.name !== unit.code) return unit.name;
  return report.frame?.units[unit.code]?.name ?? unit.code;
}

/** The name without the "(… cũ: …)" that tells merged namesakes apart; for axis labels. */
export const shortName = (name: string): string => name.replace(/\s*\(.*\)\s*$/, '') || name;

const collator = new Intl.Collator('vi');

export function rankUnits(units: readonly UnitReport[]): UnitReport[] {
  return [...units].sort((a, b) => (b.index ?? -1) - (a.index ?? -1) || collator.compare(a.code, b.code));
}

/** Component ids in configuration order, then any the frame does not list. */
export function componentOrder(report: Pick<IndexReport, 'frame' | 'overall'>): { id: string; label: string }[] {
  const listed = (report.frame?.components ?? []).map((c) => ({ id: c.code, label: c.label }));
  const known = new Set(listed.map((c) => c.id));
  const others = [...Object.keys(report.overall.components), ...report.overall.components_missing].filter((id) => !known.has(id));
  return [...listed, ...others.map((id) => ({ id, label: id }))];
}
